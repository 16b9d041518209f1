package org.flmdata.tokenize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlendTest {
  @Test
  void domainSharesEqualProportionsAndShardsFollowTokens() {
    List<Blend.Shard> shards = List.of(new Blend.Shard("s/A_0", "A", 300), new Blend.Shard("s/A_1", "A", 100),
        new Blend.Shard("s/B_0", "B", 5000), new Blend.Shard("s/C_0", "C", 0));
    List<Blend.Entry> w = Blend.weights(shards, Map.of("A", 75.0, "B", 25.0, "C", 10.0));
    assertEquals(3, w.size(), "a domain without tokens gets no entry");
    assertEquals(0.75 * 300 / 400, w.get(0).weight(), 1e-12);
    assertEquals(0.75 * 100 / 400, w.get(1).weight(), 1e-12);
    assertEquals(0.25, w.get(2).weight(), 1e-12);
    assertEquals("s/B_0", w.get(2).prefix());
    String text = Blend.render(w);
    assertEquals(3, text.lines().count());
    assertEquals(0.5625, Double.parseDouble(text.lines().findFirst().orElseThrow().split(" ")[0]), 1e-12);
  }

  @Test
  void domainWithoutProportionIsLeftOutAndOthersRenormalize() {
    List<Blend.Entry> w = Blend.weights(
        List.of(new Blend.Shard("a", "A", 10), new Blend.Shard("x", "X", 10)), Map.of("A", 40.0));
    assertEquals(1, w.size());
    assertEquals(1.0, w.get(0).weight(), 1e-12);
  }
}
