package org.flmdata.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.ModelCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a real fastText model on text this test writes, then scores unseen text with it. */
class QualityScorerTest {
  @TempDir static Path tmp;
  static FastTextModel model;

  @BeforeAll
  static void train() throws Exception {
    Path train = tmp.resolve("train.txt");
    Files.write(train, SyntheticText.trainingLines(400, 1), StandardCharsets.UTF_8);
    Path bin = FastTextTrainer.train(train, tmp.resolve("quality"),
        TrainParams.DEFAULTS.withEpoch(10).withDim(16).withBucket(50_000));
    assertEquals(List.of("__label__hq", "__label__lq"),
        ModelCheck.verify(bin.toString()).labels().stream().sorted().toList());
    model = FastTextModel.loadVerified(bin.toString());
  }

  private static Document doc(String text) {
    return new Document("d", "WebText", "s", null, "en", text, Map.of());
  }

  @Test
  void unseenGoodTextRanksAboveEveryUnseenBadText() {
    QualityScorer scorer = new QualityScorer(model, "__label__hq");
    Random r = new Random(99);
    List<Double> good = new ArrayList<>();
    List<Double> bad = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      good.add(scorer.score(SyntheticText.good(r)));
      bad.add(scorer.score(SyntheticText.bad(r)));
    }
    double minGood = good.stream().mapToDouble(d -> d).min().orElseThrow();
    double maxBad = bad.stream().mapToDouble(d -> d).max().orElseThrow();
    assertTrue(minGood > maxBad, "min good " + minGood + " <= max bad " + maxBad);
  }

  @Test
  void thresholdKeepsGoodAndRejectsBadWithScoreInMeta() {
    QualityScorer scorer = new QualityScorer(model, "__label__hq");
    Random r = new Random(7);
    Document good = doc(SyntheticText.good(r));
    Document bad = doc(SyntheticText.bad(r));
    Verdict kg = scorer.judge(good, 0.5);
    Verdict kb = scorer.judge(bad, 0.5);
    assertTrue(kg.kept());
    double s = QualityScorer.read(((Verdict.Keep) kg).doc());
    assertEquals((float) scorer.score(good.getText()), (float) s);
    assertTrue(s >= 0.5);
    assertFalse(kb.kept());
    assertEquals(QualityReason.BELOW_THRESHOLD, ((Verdict.Drop) kb).reason());
    assertEquals("quality/below-threshold", ((Verdict.Drop) kb).reason().key());
    // the same document passes a threshold at its own score and fails one just above it
    double sb = scorer.score(bad.getText());
    assertTrue(scorer.judge(bad, sb).kept());
    assertFalse(scorer.judge(bad, Math.nextUp(sb)).kept());
  }

  @Test
  void emptyAndInvalidTextIsScoredWithoutCrash() {
    QualityScorer scorer = new QualityScorer(model, "__label__hq");
    for (String t : new String[] {"", null, " \n\t ", "\uD800\uD800 \u0000 x", "__label__lq"}) {
      double s = scorer.score(t);
      assertTrue(s >= 0 && s <= 1, t + " -> " + s);
    }
    Verdict v = scorer.judge(doc(null), 0.0);
    assertTrue(v.kept());
  }

  @Test
  void scoringSeesTheSameTextAsTraining() {
    QualityScorer scorer = new QualityScorer(model, "__label__hq");
    String text = "The River Valley, was settled!\n\nBy   FARMERS.";
    assertEquals(model.probability(QualityText.prepare(text), "__label__hq"), scorer.score(text));
  }
}
