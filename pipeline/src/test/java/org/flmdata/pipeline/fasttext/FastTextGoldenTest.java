package org.flmdata.pipeline.fasttext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Parity with fastText's own C++ code on lid.176.ftz (golden predictions in shared data). */
class FastTextGoldenTest {

  @Test
  void lid176PredictionsMatchFastTextCppExactly() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    Path golden = SharedData.require("data/golden/fasttext-predictions.json");
    JsonNode results = new ObjectMapper().readTree(golden.toFile()).get("results")
        .get("lid.176.ftz");
    FastTextModel ft = FastTextModel.loadVerified(model.toString());
    assertEquals(176, ft.labelCount());
    int compared = 0;
    double maxDp = 0;
    for (JsonNode r : results) {
      String input = r.get("input").asText();
      JsonNode want = r.get("top3_with_trailing_newline_like_cli_and_python");
      List<Prediction> got = ft.predict(input, want.size());
      assertEquals(want.size(), got.size(), "id " + r.get("id"));
      for (int i = 0; i < want.size(); i++) {
        assertEquals(want.get(i).get("label").asText(), got.get(i).label(), "id " + r.get("id"));
        double dp = Math.abs(want.get(i).get("prob").asDouble() - got.get(i).prob());
        maxDp = Math.max(maxDp, dp);
        compared++;
      }
    }
    assertEquals(results.size() * 3, compared);
    assertTrue(maxDp < 1e-4, "max |dp| " + maxDp);
  }

  @Test
  void textWithNewlinesIsPredictedAsOneLineLikeTheGolden() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    Path texts = SharedData.require("data/golden/texts.json");
    FastTextModel ft = FastTextModel.loadVerified(model.toString());
    JsonNode all = new ObjectMapper().readTree(texts.toFile());
    for (JsonNode t : all) {
      String raw = t.get("text").asText();
      List<Prediction> a = ft.predict(raw, 2);
      List<Prediction> b = ft.predict(raw.replace('\n', ' '), 2);
      assertEquals(b, a, "id " + t.get("id"));
    }
  }

  @Test
  void emptyNullAndBrokenTextArePredictedWithoutCrash() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    FastTextModel ft = FastTextModel.loadVerified(model.toString());
    List<Prediction> empty = ft.predict("", 1);
    assertEquals(ft.predict(null, 1), empty);
    assertEquals(1, empty.size());
    String broken = "caf\uD800 \uDC00 na\u0000ive \uFFFF";
    List<Prediction> p = ft.predict(broken, 3);
    assertEquals(3, p.size());
    for (Prediction x : p) assertTrue(x.prob() >= 0 && x.prob() <= 1, x.toString());
    // k <= 0 asks for every label; fastText leaves out those whose probability underflows
    List<Prediction> every = ft.predict("hello world", 0);
    assertTrue(every.size() > 100 && every.size() <= ft.labelCount(), "" + every.size());
    assertEquals(ft.labelCount(), ft.labels().size());
    assertEquals("__label__en", ft.labels().get(0));
  }

  @Test
  void oneModelSharedByFourThreadsGivesTheSamePredictions() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    Path texts = SharedData.require("data/golden/texts.json");
    FastTextModel ft = FastTextModel.loadVerified(model.toString());
    List<String> all = new java.util.ArrayList<>();
    new ObjectMapper().readTree(texts.toFile()).forEach(t -> all.add(t.get("text").asText()));
    List<List<Prediction>> expected = all.stream().map(t -> ft.predict(t, 3)).toList();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> fs = new java.util.ArrayList<>();
      for (int th = 0; th < 4; th++) {
        fs.add(pool.submit(() -> {
          int mismatches = 0;
          for (int rep = 0; rep < 50; rep++) {
            for (int i = 0; i < all.size(); i++) {
              if (!ft.predict(all.get(i), 3).equals(expected.get(i))) mismatches++;
            }
          }
          return mismatches;
        }));
      }
      for (var f : fs) assertEquals(0, f.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
