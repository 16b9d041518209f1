package org.flmdata.clean;

import java.io.Serializable;

/**
 * What one text rule decides: keep the text as it is, keep a modified text ({@code charsRemoved}
 * characters fewer, for the stats), or drop the document with a reason and a measured detail.
 */
public record RuleResult(String text, CleanReason drop, String detail, long charsRemoved)
    implements Serializable {

  public static RuleResult keep(String text) {
    return new RuleResult(text, null, "", 0);
  }

  /** Keeps {@code text}, which replaces {@code before}; counts the characters removed. */
  public static RuleResult modified(String before, String text) {
    return new RuleResult(text, null, "", Math.max(0, before.length() - text.length()));
  }

  public static RuleResult drop(CleanReason reason, String detail) {
    return new RuleResult(null, reason, detail, 0);
  }

  /** A drop whose detail is {@code measured} against {@code limit}. */
  public static RuleResult drop(CleanReason reason, double measured, double limit) {
    return new RuleResult(null, reason, String.format(java.util.Locale.ROOT, "%.4f vs %s", measured,
        limit), 0);
  }

  public boolean dropped() {
    return drop != null;
  }
}
