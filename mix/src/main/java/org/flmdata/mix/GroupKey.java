package org.flmdata.mix;

/** A group inside a domain as one string: language, source and quality band, tab-separated. */
final class GroupKey {
  private GroupKey() {}

  static String of(String lang, String source, int band) {
    return clean(lang) + "\t" + clean(source) + "\t" + band;
  }

  static GroupSplit.Group parse(String key, long available) {
    String[] p = key.split("\t", 3);
    return new GroupSplit.Group(p[0], p[1], Integer.parseInt(p[2]), available);
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ');
  }
}
