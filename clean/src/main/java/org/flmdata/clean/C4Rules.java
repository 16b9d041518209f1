package org.flmdata.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * C4's line and document rules (Raffel et al. 2020; tfds c4_utils; datatrove C4QualityFilter):
 * lines are removed (text modified) for a word over {@code c4_max_word_length}, no terminal
 * punctuation, fewer than {@code c4_min_words_per_line} words, "javascript", policy/cookie
 * phrases; the document is dropped for "lorem ipsum", a curly bracket, or fewer than {@code
 * c4_min_sentences} sentences left. Chinese and Japanese full stops (。！？ and the full-width
 * forms) count as terminal punctuation, and for the Chinese profile the words-per-line rule is off
 * (characters are not words).
 */
public final class C4Rules {
  private C4Rules() {}

  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");
  private static final String[] POLICY = {"terms of use", "privacy policy", "cookie policy",
      "uses cookies", "use of cookies", "use cookies"};

  public static RuleResult apply(String text, Profile p) {
    List<String> kept = new ArrayList<>();
    int sentences = 0;
    for (String raw : Words.splitLines(text)) {
      String line = raw.strip();
      if (line.isEmpty()) continue;
      int[] wl = wordsAndLongest(line);
      if (p.c4MaxWordLength() > 0 && wl[1] > p.c4MaxWordLength()) continue;
      if (p.c4RemoveCitations() && line.indexOf('[') >= 0) {
        line = CITATION.matcher(line).replaceAll("");
      }
      if (p.c4TerminalPunct() && (!endsTerminal(line) || line.endsWith("..."))) continue;
      if (wl[0] < p.c4MinWordsPerLine()) continue;
      String lower = line.toLowerCase(Locale.ROOT);
      if (p.c4LoremIpsum() && lower.contains("lorem ipsum")) {
        return RuleResult.drop(CleanReason.LOREM_IPSUM, "");
      }
      if (p.c4Javascript() && lower.contains("javascript")) continue;
      if (p.c4CurlyBracket() && line.indexOf('{') >= 0) {
        return RuleResult.drop(CleanReason.CURLY_BRACKET, "");
      }
      if (p.c4Policy() && containsAny(lower, POLICY)) continue;
      sentences += Math.max(1, countSentences(line));
      kept.add(line);
    }
    if (sentences < p.c4MinSentences()) {
      return RuleResult.drop(CleanReason.FEW_SENTENCES, sentences, p.c4MinSentences());
    }
    return RuleResult.modified(text, String.join("\n", kept).strip());
  }

  /** Ends in . ? ! " ' (C4) or a CJK/full-width terminal mark. */
  public static boolean endsTerminal(String line) {
    if (line.isEmpty()) return false;
    char c = line.charAt(line.length() - 1);
    return switch (c) {
      case '.', '?', '!', '"', '\'', '。', '！', '？', '”', '’', '」', '』', '．' -> true;
      default -> false;
    };
  }

  /** Runs of . ! ? followed by closing quotes and a space or the end; CJK 。！？ runs anywhere. */
  static int countSentences(String line) {
    int n = 0;
    int len = line.length();
    int i = 0;
    while (i < len) {
      char c = line.charAt(i);
      if (c == '。' || c == '！' || c == '？') {
        while (i < len && isEnd(line.charAt(i))) i++;
        n++;
        continue;
      }
      if (c == '.' || c == '!' || c == '?') {
        int j = i;
        while (j < len && (line.charAt(j) == '.' || line.charAt(j) == '!' || line.charAt(j) == '?')) j++;
        while (j < len && "\"')]".indexOf(line.charAt(j)) >= 0) j++;
        if (j == len || Character.isWhitespace(line.charAt(j))) n++;
        i = j;
        continue;
      }
      i++;
    }
    return n;
  }

  private static boolean isEnd(char c) {
    return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '”' || c == '’'
        || c == '」' || c == '』' || c == '）';
  }

  /** {whitespace-separated words, longest word's length}. */
  private static int[] wordsAndLongest(String line) {
    int words = 0;
    int longest = 0;
    int cur = 0;
    for (int i = 0; i < line.length(); i++) {
      if (Character.isWhitespace(line.charAt(i))) {
        if (cur > 0) words++;
        longest = Math.max(longest, cur);
        cur = 0;
      } else {
        cur++;
      }
    }
    if (cur > 0) words++;
    return new int[] {words, Math.max(longest, cur)};
  }

  private static boolean containsAny(String s, String[] needles) {
    for (String n : needles) if (s.contains(n)) return true;
    return false;
  }
}
