package org.flmdata.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ChineseWebText's clean and dirty web pages (CASIA-LM): a classifier trained on eight of each,
 * through the same preprocessing as scoring (one token per character), ranks the two held-out
 * clean pages above the two held-out dirty ones.
 */
class ChineseWebTextQualityTest {
  @TempDir Path tmp;

  private static List<String> texts(Path f) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (!l.isBlank()) out.add(json.readTree(l).get("text").asText());
    }
    return out;
  }

  @Test
  void heldOutCleanPagesScoreAboveHeldOutDirtyPages() throws Exception {
    List<String> clean = texts(SharedData.require("data/text/zh-web-chinesewebtext/clean.jsonl"));
    List<String> dirty = texts(SharedData.require("data/text/zh-web-chinesewebtext/dirty.jsonl"));
    assertEquals(10, clean.size());
    assertEquals(10, dirty.size());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      lines.add("__label__hq " + QualityText.prepare(clean.get(i)));
      lines.add("__label__lq " + QualityText.prepare(dirty.get(i)));
    }
    Path train = tmp.resolve("zh.txt");
    Files.write(train, lines, StandardCharsets.UTF_8);
    Path bin = FastTextTrainer.train(train, tmp.resolve("zh"), TrainParams.DEFAULTS);
    QualityScorer scorer = new QualityScorer(FastTextModel.loadVerified(bin.toString()),
        "__label__hq");
    double minClean = Math.min(scorer.score(clean.get(8)), scorer.score(clean.get(9)));
    double maxDirty = Math.max(scorer.score(dirty.get(8)), scorer.score(dirty.get(9)));
    assertTrue(minClean > maxDirty, "clean " + minClean + " <= dirty " + maxDirty);
  }
}
