package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flmdata.clean.CleanStage;
import org.flmdata.clean.DocumentCleaner;
import org.flmdata.filter.quality.Auc;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.ModelCheck;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * The quality recipe judged on real Chinese web text it never saw: ChineseWebText's ten clean and
 * ten dirty pages (CASIA-LM; {@code ../shared/data/text/zh-web-chinesewebtext}). A zh model is
 * trained by {@code pipeline quality train} from the sample run's extracted documents (curated
 * domains against WebText); the test prints the AUC with which it ranks clean above dirty, and
 * the AUC of the sample's WebText clean-stage heuristics alone (kept above rejected) and of
 * heuristics plus classifier (heuristic rejections lowest, the rest ordered by score). The
 * figures are a report (see the comment at the assertions): the sample is too small and too
 * unlike real Chinese web text for its model to transfer.
 */
class ChineseWebTextQualityEvaluationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String[] execute(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o, true), new PrintWriter(e, true), args);
    assertEquals(0, code, () -> String.join(" ", args) + " failed: " + e);
    return new String[] {o.toString(), e.toString()};
  }

  private static List<String> texts(Path f) throws Exception {
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (!l.isBlank()) out.add(JSON.readTree(l).get("text").asText());
    }
    return out;
  }

  @Test
  void recipeModelRanksUnseenChineseWebTextCleanAboveDirty() throws Exception {
    List<String> clean = texts(SharedData.require("data/text/zh-web-chinesewebtext/clean.jsonl"));
    List<String> dirty = texts(SharedData.require("data/text/zh-web-chinesewebtext/dirty.jsonl"));
    SampleRun.ensureCorpusWritten();
    SparkTestSession.get();
    Path out = ProjectLayout.testsTarget().resolve("quality-eval-run");
    SampleRunTest.deleteRecursively(out);
    String yaml = SampleRun.pipelineYaml().toString();
    execute("run", "-c", yaml, "--output", out.toString(), "--stages", "extract");
    Path model = out.resolve("quality-zh.bin");
    JsonNode train = JSON.readTree(execute("quality", "train", "-c", yaml, "--run-output",
        out.toString(), "--stage", "extract", "--positive-domains",
        "WorldKnowledge,Book,QA,Profession-Law,Profession-Medical", "--negative-domains",
        "WebText", "--lang", "zh", "--output", model.toString(),
        // a few dozen documents a class: more passes than fastText's 5 to learn from so little
        "--epoch", "100", "--lr", "0.5", "--dim", "16", "--bucket", "100000")[0].strip());
    ModelCheck.verify(model.toString());
    QualityScorer scorer = new QualityScorer(FastTextModel.loadVerified(model.toString()),
        "__label__hq");

    PipelineConfig cfg = new ConfigLoader(org.flmdata.jobs.Stages.sections(),
        new org.apache.hadoop.conf.Configuration(), false).load(yaml);
    DomainConfig web = cfg.domains().stream().filter(d -> d.name().equals("WebText"))
        .findFirst().orElseThrow();
    DocumentCleaner heuristics = new DocumentCleaner(web.section(CleanStage.NAME));
    double[][] clf = new double[2][];
    double[][] heur = new double[2][];
    double[][] both = new double[2][];
    List<List<String>> sets = List.of(clean, dirty);
    for (int c = 0; c < 2; c++) {
      List<String> set = sets.get(c);
      clf[c] = new double[set.size()];
      heur[c] = new double[set.size()];
      both[c] = new double[set.size()];
      for (int i = 0; i < set.size(); i++) {
        Document doc = new Document("cwt-" + c + "-" + i, "WebText", "chinesewebtext", null, "zh",
            set.get(i), Map.of());
        boolean kept = heuristics.clean(doc).kept();
        clf[c][i] = scorer.score(set.get(i));
        heur[c][i] = kept ? 1 : 0;
        both[c][i] = kept ? 1 + clf[c][i] : clf[c][i];
      }
    }
    double aucClf = Auc.of(clf[0], clf[1]);
    double aucHeur = Auc.of(heur[0], heur[1]);
    double aucBoth = Auc.of(both[0], both[1]);
    System.out.println(String.format(Locale.ROOT, "ChineseWebText (%d clean, %d dirty, never"
        + " trained on): recipe zh model AUC %.3f; heuristics alone AUC %.3f (kept %d/%d clean,"
        + " %d/%d dirty); heuristics + classifier AUC %.3f; recipe held-out: %s", clean.size(),
        dirty.size(), aucClf, aucHeur, count(heur[0]), clean.size(), count(heur[1]),
        dirty.size(), aucBoth, train));
    assertEquals(10, clean.size());
    assertEquals(10, dirty.size());
    // on its own held-out documents the recipe separates curated from web text ...
    assertTrue(train.get("auc").asDouble() >= 0.9, train.toString());
    // ... but a model trained on a few dozen invented sample documents does not transfer to real
    // Chinese web text: measured on 2026-12-07, AUC 0.38 (below chance), heuristics alone 0.70,
    // heuristics + classifier 0.65. Those figures are printed, not asserted: a better model needs
    // real curated and web text of the run (the recipe on a real crawl), which the sample is not.
  }

  private static long count(double[] v) {
    long n = 0;
    for (double d : v) if (d > 0) n++;
    return n;
  }
}
