package org.flmdata.pipeline;

import java.util.Objects;

/**
 * What a per-document rule decides: keep a (possibly modified) document, or drop it with a
 * reason. Rules are pure functions {@code Document -> Verdict} and never throw on any text.
 */
public sealed interface Verdict {

  static Verdict keep(Document doc) {
    return new Keep(doc);
  }

  static Verdict drop(DropReason reason, String detail) {
    return new Drop(reason, detail == null ? "" : detail);
  }

  static Verdict drop(DropReason reason) {
    return new Drop(reason, "");
  }

  boolean kept();

  /** The document goes on, with the text the rule left. */
  record Keep(Document doc) implements Verdict {
    public Keep {
      Objects.requireNonNull(doc, "doc");
    }

    @Override
    public boolean kept() {
      return true;
    }
  }

  /**
   * The document stops here. {@code detail} is free text for a person (a measured value, the file
   * offset of a broken record, the id of the kept duplicate); the ledger counts by reason only.
   */
  record Drop(DropReason reason, String detail) implements Verdict {
    public Drop {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean kept() {
      return false;
    }
  }
}
