package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The first stage's decisions around each block, as the second stage reads them. */
class BlockContextTest {

  static final int W = BlockContext.HEAD + BlockContext.TAIL;

  static float at(float[] ctx, int block, int feature) {
    return ctx[block * W + feature];
  }

  @Test
  void siblingsGrandparentAndItemsAreAveragedOverTheirOwnGroupsOnly() {
    double[] z = {-2, 1, 3, -4, 0.5};
    int[][] groups = {
      {0, 0, 1, 1, 2}, // parents
      {0, 0, 0, 0, 1}, // grandparents
      {-1, 0, 0, 0, -1} // item containers
    };
    float[] ctx = BlockContext.of(z, groups);
    // block 1 shares its parent with block 0 only
    assertEquals((float) ((z[0] + z[1]) / 2), at(ctx, 1, 4));
    assertEquals((float) z[1], at(ctx, 1, 5 + 2)); // the parent's max
    assertEquals((float) z[0], at(ctx, 1, 5 + 3)); // the parent's min
    assertEquals((float) Math.log1p(2), at(ctx, 1, 5 + 4));
    // the grandparent holds blocks 0 to 3
    assertEquals((float) ((z[0] + z[1] + z[2] + z[3]) / 4), at(ctx, 2, 5 + 5));
    // items 1 to 3 are decided together; a block in no item container keeps its own log-odds
    assertEquals((float) ((z[1] + z[2] + z[3]) / 3), at(ctx, 3, 5 + 7));
    assertEquals((float) z[0], at(ctx, 0, 5 + 7));
    assertEquals(0f, at(ctx, 0, 5 + 8));
    // three of five blocks are items; block 2's container holds three of five
    assertEquals(3f / 5, at(ctx, 0, 5 + 14));
    assertEquals(3f / 5, at(ctx, 2, 5 + 15));
    assertEquals(0f, at(ctx, 4, 5 + 15));
  }

  @Test
  void neighboursPageAndRankFollowTheBlocksOrder() {
    double[] z = {-2, 1, 3, -4, 0.5};
    int[][] groups = {new int[5], new int[5], {-1, -1, -1, -1, -1}};
    float[] ctx = BlockContext.of(z, groups);
    double mean = (z[0] + z[1] + z[2] + z[3] + z[4]) / 5;
    assertEquals((float) mean, at(ctx, 2, 3));
    assertEquals((float) z[1], at(ctx, 2, 1));
    assertEquals((float) z[3], at(ctx, 2, 2));
    assertEquals((float) z[0], at(ctx, 2, 5)); // two before
    assertEquals((float) z[4], at(ctx, 2, 6)); // two after
    assertEquals(0f, at(ctx, 0, 1)); // nothing before the first
    assertEquals(3f, at(ctx, 4, 5 + 9)); // the page's max
    assertEquals(3f / 5, at(ctx, 4, 5 + 10)); // three of five above even odds
    // block 2 has the highest log-odds: four blocks below it
    assertEquals(4f / 5, at(ctx, 2, 5 + 13));
    assertEquals(0f, at(ctx, 3, 5 + 13));
  }

  @Test
  void anEmptyPageHasNoContext() {
    assertEquals(0, BlockContext.of(new double[0], new int[3][0]).length);
  }

  @Test
  void putPlacesTheHeadFirstAndTheTailAfterTheBlocksOwnFeatures() {
    double[] z = {1, 2};
    float[] ctx = BlockContext.of(z, new int[][] {{0, 0}, {0, 0}, {-1, -1}});
    float[] x = new float[BlockFeatures.DENSE];
    BlockContext.put(ctx, 1, x);
    assertEquals(2f, x[0]);
    assertEquals(1f, x[1]);
    assertEquals(at(ctx, 1, BlockContext.HEAD), x[BlockContext.AT]);
    assertEquals(at(ctx, 1, W - 1), x[BlockContext.AT + BlockContext.TAIL - 1]);
  }
}
