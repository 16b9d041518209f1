package org.flmdata.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The Tele-FLM configuration in {@code jobs/conf/tele-flm} against the paper, not against itself:
 * Table 1's proportions and epochs as {@link TableOne} writes them from the report, the relations
 * they must keep (proportions adding up to 100, WebText three quarters of the tokens, every epoch
 * count reachable under {@code max_epochs}), and the report's 2T-token budget.
 */
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
  void tableOneProportionsSumToAHundredWithinTheirRounding() {
    // each proportion is printed with two decimals, so each is off by at most 0.005
    double tableSum = TableOne.ROWS.stream().mapToDouble(TableOne.Row::proportion).sum();
    assertTrue(Math.abs(tableSum - 100) <= 0.005 * TableOne.ROWS.size() + 1e-9, "sum " + tableSum);
    double configSum = config.domains().stream().mapToDouble(DomainConfig::proportion).sum();
    assertEquals(tableSum, configSum, 1e-9);
  }

  @Test
  void webTextIsThreeQuartersOfTheTokensAndTheLargestDomain() {
    double web = config.domain("WebText").proportion();
    assertTrue(web > 75 && web < 76, "WebText " + web);
    for (DomainConfig d : config.domains()) {
      if (!d.name().equals("WebText")) assertTrue(d.proportion() < web / 5, d.name());
    }
  }

  @Test
  void worldKnowledgeKeepsTheTwentyTwoWikipediaLanguages() {
    List<String> langs = config.domain("WorldKnowledge").languages();
    assertEquals(22, langs.size());
    assertEquals(TableOne.WIKIPEDIA_LANGUAGES, langs);
  }

  @Test
  void theBudgetIsThePapersTwoTrillionTokensAndEveryDomainsEpochsFitUnderMaxEpochs() {
    assertEquals("budget", config.mix().get(PipelineSettings.MIX_MODE));
    assertEquals(TableOne.TOTAL_TOKENS, config.mix().get(PipelineSettings.MIX_TOTAL_TOKENS), 0.0);
    double maxEpochs = config.mix().get(PipelineSettings.MIX_MAX_EPOCHS);
    double mostEpochs = TableOne.ROWS.stream().mapToDouble(TableOne.Row::epochs).max().orElseThrow();
    assertTrue(maxEpochs >= mostEpochs, "max_epochs " + maxEpochs + " < Table 1's " + mostEpochs);
  }

  @Test
  void webTextReadsAWarcCrawlAndAJsonlCorpusWithItsTextField() {
    List<InputSpec> inputs = config.domain("WebText").inputs();
    assertEquals(List.of(InputFormat.WARC, InputFormat.JSONL),
        inputs.stream().map(InputSpec::format).toList());
    assertTrue(inputs.get(1).textField() != null && !inputs.get(1).textField().isBlank());
  }

  @Test
  void theOutputTheTokenizerAndEveryInputAreOnS3a() {
    assertTrue(config.output().startsWith("s3a://"), config.output());
    String tokenizer = config.tokenizer().get(PipelineSettings.TOKENIZER_PATH);
    assertTrue(tokenizer.startsWith("s3a://"), tokenizer);
    for (DomainConfig d : config.domains()) {
      for (InputSpec in : d.inputs()) assertTrue(in.path().startsWith("s3a://"), d.name());
    }
  }
}
