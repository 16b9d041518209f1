package org.flmdata.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Book cleaner: keeps only the text between Project Gutenberg's START and END markers when they
 * are present; removes page-number lines, running headers/footers (a short line without terminal
 * punctuation repeated at least {@link #MIN_RUNNING_REPEATS} times) and garbled lines (mostly
 * neither letters, digits nor spaces); undoes hyphenation at line breaks; re-joins hard-wrapped
 * lines into one line per paragraph (paragraphs are separated by blank lines); removes repeated
 * paragraphs after their first occurrence.
 */
public final class BookCleaner {
  private BookCleaner() {}

  static final int MIN_RUNNING_REPEATS = 3;
  static final int MAX_RUNNING_LENGTH = 60;
  static final double MIN_TEXT_SHARE = 0.5;

  private static final Pattern START = Pattern.compile("(?m)^\\*\\*\\* ?START OF (THE|THIS) PROJECT GUTENBERG.*$");
  private static final Pattern END = Pattern.compile("(?m)^\\*\\*\\* ?END OF (THE|THIS) PROJECT GUTENBERG.*$");
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "^\\s*(?:[-–—]\\s*)?(?:(?:page|p\\.|第)\\s*)?(?:\\d{1,4}|[ivxlcdm]{1,7})(?:\\s*页)?(?:\\s*[-–—])?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HYPHEN_BREAK = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");

  public static RuleResult apply(String text) {
    String t = text;
    var start = START.matcher(t);
    if (start.find()) t = t.substring(start.end());
    var end = END.matcher(t);
    if (end.find()) t = t.substring(0, end.start());
    t = HYPHEN_BREAK.matcher(t).replaceAll("$1$2");
    List<String> lines = Words.splitLines(t);
    Map<String, Integer> counts = new HashMap<>();
    for (String l : lines) {
      String s = l.strip();
      if (!s.isEmpty() && s.length() <= MAX_RUNNING_LENGTH && !C4Rules.endsTerminal(s)) {
        counts.merge(s, 1, Integer::sum);
      }
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    for (String l : lines) {
      String s = l.strip();
      boolean drop = PAGE_NUMBER.matcher(s).matches()
          || counts.getOrDefault(s, 0) >= MIN_RUNNING_REPEATS
          || garbled(s);
      if (s.isEmpty()) {
        flush(para, paragraphs);
        continue;
      }
      if (drop) continue;
      if (para.length() > 0) para.append(' ');
      para.append(s);
    }
    flush(para, paragraphs);
    Set<String> seen = new HashSet<>();
    StringBuilder out = new StringBuilder(t.length());
    for (String p : paragraphs) {
      if (!seen.add(p)) continue;
      if (out.length() > 0) out.append("\n\n");
      out.append(p);
    }
    if (out.length() == 0) return RuleResult.drop(CleanReason.CLEANED_EMPTY, "book");
    return RuleResult.modified(text, out.toString());
  }

  private static void flush(StringBuilder para, List<String> out) {
    if (para.length() > 0) out.add(para.toString());
    para.setLength(0);
  }

  /** At least 10 characters of which fewer than half are letters, digits or spaces. */
  static boolean garbled(String s) {
    if (s.length() < 10) return false;
    int ok = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == ' ') ok++;
    }
    return (double) ok / s.length() < MIN_TEXT_SHARE;
  }
}
