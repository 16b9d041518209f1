package org.flmdata.tokenize.bpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds added tokens ({@code added_tokens} of tokenizer.json) in text the way the Rust library's
 * AddedVocabulary does: leftmost-longest, non-overlapping, honouring {@code single_word},
 * {@code lstrip} and {@code rstrip}. Specials and non-specials alike are extracted (the library's
 * default; {@code add_special_tokens=false} only disables the post-processor).
 */
final class AddedTokens {
  record Token(String content, int id, boolean singleWord, boolean lstrip, boolean rstrip) {}

  /** Receives the text between tokens and the tokens, in order. */
  interface Sink {
    /** Text between tokens; {@code atStart}: it begins at offset 0 of what was split. */
    void text(String s, boolean atStart);

    void token(int id);
  }

  private final Map<Character, List<Token>> byFirstChar = new HashMap<>();
  /** The first chars of the tokens: most text is passed over without a map lookup. */
  private final java.util.BitSet firstChars = new java.util.BitSet(65536);
  /** First chars with a one-char token; for the others, {@link #pairs} holds the first two chars. */
  private final java.util.BitSet singleChars = new java.util.BitSet(65536);
  private final java.util.Set<Integer> pairs = new java.util.HashSet<>();

  AddedTokens(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.content.isEmpty()) continue;
      byFirstChar.computeIfAbsent(t.content.charAt(0), k -> new ArrayList<>()).add(t);
      firstChars.set(t.content.charAt(0));
      if (t.content.length() == 1) singleChars.set(t.content.charAt(0));
      else pairs.add(t.content.charAt(0) << 16 | t.content.charAt(1));
    }
    for (List<Token> l : byFirstChar.values()) {
      l.sort(Comparator.comparingInt((Token t) -> t.content.length()).reversed());
    }
  }

  boolean isEmpty() {
    return byFirstChar.isEmpty();
  }

  void split(String s, Sink sink) {
    if (byFirstChar.isEmpty()) {
      if (!s.isEmpty()) sink.text(s, true);
      return;
    }
    int emitted = 0; // text before this offset has been passed on
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (!firstChars.get(c) || !singleChars.get(c)
          && (i + 1 == n || !pairs.contains(c << 16 | s.charAt(i + 1)))) {
        i++;
        continue;
      }
      List<Token> candidates = byFirstChar.get(s.charAt(i));
      Token hit = null;
      if (candidates != null) {
        for (Token t : candidates) {
          if (s.startsWith(t.content, i)) {
            hit = t;
            break;
          }
        }
      }
      if (hit == null) {
        i++;
        continue;
      }
      int start = i;
      int stop = i + hit.content.length();
      if (hit.singleWord) {
        boolean startOk = start == 0 || !isWordChar(s.codePointBefore(start));
        boolean stopOk = stop == n || !isWordChar(s.codePointAt(stop));
        if (!startOk || !stopOk) {
          i++;
          continue;
        }
      }
      if (hit.lstrip) {
        int j = start;
        while (j > emitted && Character.isWhitespace(s.charAt(j - 1))) j--;
        start = j;
      }
      if (hit.rstrip) {
        while (stop < n && Character.isWhitespace(s.charAt(stop))) stop++;
      }
      if (start > emitted) sink.text(s.substring(emitted, start), emitted == 0);
      sink.token(hit.id);
      emitted = stop;
      i = stop;
    }
    if (emitted < n) sink.text(s.substring(emitted), emitted == 0);
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_';
  }
}
