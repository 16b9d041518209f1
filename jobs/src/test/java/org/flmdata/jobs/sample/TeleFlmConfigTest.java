package org.flmdata.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TeleFlmConfigTest {
  private static PipelineConfig config;

  @BeforeAll
  static void load() {
    String file = TableOne.projectRoot().resolve("jobs/conf/tele-flm/pipeline.yaml").toString();
    config = new ConfigLoader(org.flmdata.jobs.Stages.sections(), new Configuration(), false).load(file);
  }

  @Test
  void everyDomainHasTableOneLanguagesProportionAndEpochs() {
    Map<String, DomainConfig> byName = config.domains().stream()
        .collect(Collectors.toMap(DomainConfig::name, Function.identity()));
    assertEquals(TableOne.ROWS.stream().map(TableOne.Row::name).sorted().toList(),
        byName.keySet().stream().sorted().toList());
    for (TableOne.Row row : TableOne.ROWS) {
      DomainConfig d = byName.get(row.name());
      assertEquals(row.languages(), d.languages(), row.name());
      assertEquals(row.proportion(), d.proportion(), 0.0, row.name());
      assertEquals(row.epochs(), d.epochs(), 0.0, row.name());
    }
  }

  @Test
  void proportionsSumToTableOnesRoundedHundredPointZeroOne() {
    double tableSum = TableOne.ROWS.stream().mapToDouble(TableOne.Row::proportion).sum();
    double configSum = config.domains().stream().mapToDouble(DomainConfig::proportion).sum();
    assertEquals(100.01, tableSum, 1e-9);
    assertEquals(tableSum, configSum, 1e-9);
  }

  @Test
  void worldKnowledgeKeepsTheTwentyTwoWikipediaLanguages() {
    List<String> langs = config.domain("WorldKnowledge").languages();
    assertEquals(22, langs.size());
    assertEquals(TableOne.WIKIPEDIA_LANGUAGES, langs);
  }

  @Test
  void runSettingsAreTheTwoTrillionTokenBudgetMix() {
    assertEquals("s3a://your-bucket/flm-run", config.output());
    assertEquals("budget", config.mix().get(PipelineSettings.MIX_MODE));
    assertEquals(2.0e12, config.mix().get(PipelineSettings.MIX_TOTAL_TOKENS), 0.0);
    assertEquals(4.0, config.mix().get(PipelineSettings.MIX_MAX_EPOCHS), 0.0);
    assertEquals(1234L, config.mix().get(PipelineSettings.MIX_SEED));
    assertEquals("local[*]", config.sparkMaster());
    assertEquals("<|endoftext|>", config.tokenizer().get(PipelineSettings.TOKENIZER_EOD));
    assertEquals("s3a://your-bucket/tokenizer/tokenizer.json",
        config.tokenizer().get(PipelineSettings.TOKENIZER_PATH));
  }

  @Test
  void webTextReadsCommonCrawlWarcAndWudaoContentField() {
    List<InputSpec> inputs = config.domain("WebText").inputs();
    assertEquals(2, inputs.size());
    assertEquals("s3a://your-bucket/commoncrawl/CC-MAIN-2024-10/*.warc.gz", inputs.get(0).path());
    assertEquals(InputFormat.WARC, inputs.get(0).format());
    assertEquals(InputFormat.JSONL, inputs.get(1).format());
    assertEquals("content", inputs.get(1).textField());
    assertEquals("id", inputs.get(1).idField());
  }

  @Test
  void everyInputIsOnS3a() {
    for (DomainConfig d : config.domains()) {
      for (InputSpec in : d.inputs()) {
        assertEquals("s3a://your-bucket/", in.path().substring(0, 18), d.name());
      }
    }
  }
}
