package org.flmdata.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.io.InputFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample config is copied into a temporary {@code jobs/} tree and the corpus is written
 * where it expects it ({@code jobs/target/sample-corpus}), so the test checks the relative paths
 * without depending on the working directory or touching the project's target folder.
 */
class SampleConfigTest {
  @TempDir static Path tmp;

  private static Path jobs;
  private static CorpusSummary summary;
  private static PipelineConfig config;

  @BeforeAll
  static void writeCorpusAndLoad() throws IOException {
    jobs = tmp.resolve("jobs");
    Path conf = TableOne.projectRoot().resolve("jobs/conf/sample");
    try (Stream<Path> files = Files.walk(conf)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = jobs.resolve("conf/sample").resolve(conf.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    summary = SampleCorpus.write(jobs.resolve("target/sample-corpus"));
    config = new ConfigLoader(org.flmdata.jobs.Stages.sections(), new Configuration(), true)
        .load(jobs.resolve("conf/sample/pipeline.yaml").toString());
  }

  @Test
  void everyDomainHasTableOneLanguagesProportionAndEpochs() {
    assertEquals(TableOne.ROWS.size(), config.domains().size());
    for (TableOne.Row row : TableOne.ROWS) {
      DomainConfig d = config.domain(row.name());
      assertEquals(row.languages(), d.languages(), row.name());
      assertEquals(row.proportion(), d.proportion(), 0.0, row.name());
      assertEquals(row.epochs(), d.epochs(), 0.0, row.name());
    }
  }

  @Test
  void outputIsTheSampleRunFolderBesideTheCorpus() {
    assertEquals(jobs.resolve("target/sample-run").toString(), config.output());
    assertEquals(1.0, config.rejectedTextFraction(), 0.0);
    assertEquals("local[*]", config.sparkMaster());
    assertEquals("budget", config.mix().get(PipelineSettings.MIX_MODE));
  }

  @Test
  void inputsReadEveryCorpusFileOnceAndInItsOwnDomain() throws IOException {
    Map<Path, String> readBy = new HashMap<>();
    for (DomainConfig d : config.domains()) {
      for (InputSpec in : d.inputs()) {
        assertTrue(in.path().startsWith(jobs.resolve("target/sample-corpus").toString()),
            in.path());
        for (InputFiles.InputFile f : InputFiles.expand(in.path(), new Configuration())) {
          String earlier = readBy.put(Path.of(URI.create(f.path())), d.name());
          assertEquals(null, earlier, f.path() + " is read twice");
        }
      }
    }
    Path corpus = jobs.resolve("target/sample-corpus");
    Map<Path, String> written = new TreeMap<>();
    for (CorpusFile f : summary.files()) written.put(corpus.resolve(f.path()), f.domain());
    assertEquals(written, new TreeMap<>(readBy));
    List<Path> onDisk;
    try (Stream<Path> s = Files.walk(corpus)) {
      onDisk = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .filter(p -> !p.equals(corpus.resolve(SampleTokenizer.FILE)))
          .filter(p -> SampleQualityModels.LANGS.stream()
              .noneMatch(l -> p.equals(corpus.resolve(SampleQualityModels.file(l)))))
          .sorted().toList();
    }
    // every corpus file is read once; the only other files are the tokenizer (pipeline.yaml's)
    // and the quality models (WebText.yaml's)
    assertEquals(List.copyOf(written.keySet()), onDisk);
  }
}
