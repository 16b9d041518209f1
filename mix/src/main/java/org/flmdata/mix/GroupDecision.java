package org.flmdata.mix;

import java.io.Serializable;

/**
 * How one group is sampled: every document {@code whole} times, plus once more when the
 * fractional {@code cut} takes it.
 */
record GroupDecision(int whole, FractionalCut cut) implements Serializable {

  int copies(long hash, String id) {
    return whole + (cut.takes(hash, id) ? 1 : 0);
  }
}
