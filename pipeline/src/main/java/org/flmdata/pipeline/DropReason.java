package org.flmdata.pipeline;

/**
 * Why a stage rejected a document: a member of a closed set, implemented by an {@code enum} per
 * rule family (STYLE.md rule 4). Reported as {@code stage/rule/reason}, where the stage is the one
 * that ran the rule, so the names here are short and stable: they are keys of stats.json.
 */
public interface DropReason {
  /** The rule (or reader) that made the decision, e.g. {@code warc}, {@code gopher_quality}. */
  String rule();

  /** The reason inside the rule, e.g. {@code truncated-gzip}, {@code min_words}. */
  String reason();

  /** {@code rule/reason}, the key under which the ledger counts it. */
  default String key() {
    return rule() + "/" + reason();
  }
}
