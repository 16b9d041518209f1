package org.flmdata.tokenize.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hugging Face {@code pre_tokenizer} that splits normalized text into pre-tokens: Split (regex or
 * string; behaviors Isolated, Removed, MergedWithPrevious, MergedWithNext, Contiguous; invert), ByteLevel
 * (with or without GPT-2's regex, add_prefix_space; it must come last, and marks the tokenizer as
 * byte-level), Sequence. Empty pre-tokens are dropped, as in the Rust library.
 */
final class PreTokenizer {
  /** GPT-2's pattern, used by ByteLevel with use_regex. */
  static final String GPT2_PATTERN =
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

  private enum Behavior { REMOVED, ISOLATED, MERGED_WITH_PREVIOUS, MERGED_WITH_NEXT, CONTIGUOUS }

  /** {@code scanner}: the hand-written matcher of {@code pattern}, when it is a known one. */
  private record Split(Pattern pattern, PatternScanner scanner, Behavior behavior, boolean invert) {}

  /** SentencePiece-style: spaces become {@code replacement}, which may be prepended and split on. */
  private record Metaspace(String replacement, String prependScheme, boolean split) {}

  private final List<Object> steps; // Split or Boolean (ByteLevel add_prefix_space)
  private final boolean byteLevel;

  private PreTokenizer(List<Object> steps, boolean byteLevel) {
    this.steps = steps;
    this.byteLevel = byteLevel;
  }

  /**
   * The scanner whose matches are this chain's pre-tokens when the chain is one known regex split
   * (Isolated) then ByteLevel without a prefix space, as GPT-2, Llama-3 and Qwen2 files have it;
   * else null. Callers then walk the matches instead of building pre-token strings.
   */
  PatternScanner isolatedScanner() {
    if (steps.size() == 2 && steps.get(0) instanceof Split s && s.scanner != null
        && s.behavior == Behavior.ISOLATED && !s.invert && Boolean.FALSE.equals(steps.get(1))) {
      return s.scanner;
    }
    return null;
  }

  /** True when the chain ends in ByteLevel: pre-tokens are then encoded as UTF-8 bytes. */
  boolean byteLevel() {
    return byteLevel;
  }

  static PreTokenizer from(JsonNode n, String file) {
    List<Object> steps = new ArrayList<>();
    collect(n, file, steps);
    boolean byteLevel = false;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Boolean) {
        if (i != steps.size() - 1) {
          throw new TokenizerFormatException(file + ": ByteLevel must be the last pre-tokenizer");
        }
        byteLevel = true;
      }
    }
    return new PreTokenizer(steps, byteLevel);
  }

  private static void collect(JsonNode n, String file, List<Object> steps) {
    if (n == null || n.isNull()) return;
    String type = n.path("type").asText("");
    switch (type) {
      case "Sequence" -> {
        for (JsonNode c : n.path("pretokenizers")) collect(c, file, steps);
      }
      case "Split" -> {
        JsonNode p = n.path("pattern");
        Pattern re;
        PatternScanner scanner = null;
        if (p.has("Regex")) {
          re = RegexTranslator.compile(p.get("Regex").asText(), file);
          scanner = PatternScanner.of(p.get("Regex").asText());
        } else if (p.has("String")) {
          re = Pattern.compile(Pattern.quote(p.get("String").asText()));
        } else {
          throw new TokenizerFormatException(file + ": Split pre-tokenizer has no String or Regex pattern");
        }
        steps.add(new Split(re, scanner, behavior(n.path("behavior").asText(""), file),
            n.path("invert").asBoolean(false)));
      }
      case "Metaspace" -> {
        String rep = n.path("replacement").asText("\u2581");
        if (rep.codePointCount(0, rep.length()) != 1) {
          throw new TokenizerFormatException(file + ": Metaspace replacement must be one character, got '" + rep + "'");
        }
        String scheme = n.hasNonNull("prepend_scheme") ? n.get("prepend_scheme").asText()
            : (n.path("add_prefix_space").asBoolean(true) ? "always" : "never");
        if (!scheme.equals("always") && !scheme.equals("first") && !scheme.equals("never")) {
          throw new TokenizerFormatException(file + ": unknown Metaspace prepend_scheme '" + scheme + "'");
        }
        steps.add(new Metaspace(rep, scheme, n.path("split").asBoolean(true)));
      }
      case "ByteLevel" -> {
        boolean prefix = n.path("add_prefix_space").asBoolean(false);
        if (n.path("use_regex").asBoolean(true)) {
          steps.add(new Split(RegexTranslator.compile(GPT2_PATTERN, file), PatternScanner.GPT2,
              Behavior.ISOLATED, false));
        }
        steps.add(prefix);
      }
      default -> throw new TokenizerFormatException(file + ": unsupported pre_tokenizer type '" + type
          + "' (supported: ByteLevel, Split, Metaspace, Sequence)");
    }
  }

  private static Behavior behavior(String b, String file) {
    return switch (b) {
      case "Removed" -> Behavior.REMOVED;
      case "Isolated" -> Behavior.ISOLATED;
      case "MergedWithPrevious" -> Behavior.MERGED_WITH_PREVIOUS;
      case "MergedWithNext" -> Behavior.MERGED_WITH_NEXT;
      case "Contiguous" -> Behavior.CONTIGUOUS;
      default -> throw new TokenizerFormatException(file + ": unsupported Split behavior '" + b
          + "' (supported: Isolated, Removed, MergedWithPrevious, MergedWithNext, Contiguous)");
    };
  }

  /**
   * Splits {@code text} into pre-tokens, appended to {@code out}; {@code atStart}: the text begins
   * at offset 0 of the original input (Metaspace's prepend_scheme "first" needs it).
   */
  void split(String text, boolean atStart, List<String> out) {
    List<String> pieces = new ArrayList<>();
    if (!text.isEmpty()) pieces.add(text);
    for (Object step : steps) {
      List<String> next = new ArrayList<>(pieces.size() * 4);
      if (step instanceof Split s) {
        for (String p : pieces) split(s, p, next);
      } else if (step instanceof Metaspace ms) {
        for (int i = 0; i < pieces.size(); i++) metaspace(ms, pieces.get(i), atStart && i == 0, next);
      } else if ((Boolean) step) {
        for (String p : pieces) next.add(p.startsWith(" ") ? p : " " + p);
      } else {
        next = pieces;
      }
      pieces = next;
    }
    out.addAll(pieces);
  }

  private static void metaspace(Metaspace ms, String p, boolean atStart, List<String> out) {
    String r = p.replace(" ", ms.replacement);
    boolean prepend = switch (ms.prependScheme) {
      case "always" -> true;
      case "first" -> atStart;
      default -> false;
    };
    if (prepend && !r.startsWith(ms.replacement)) r = ms.replacement + r;
    if (!ms.split) {
      if (!r.isEmpty()) out.add(r);
      return;
    }
    int start = 0;
    int at;
    while ((at = r.indexOf(ms.replacement, start + 1)) > 0) {
      out.add(r.substring(start, at));
      start = at;
    }
    if (start < r.length()) out.add(r.substring(start));
  }

  /**
   * As the Rust library's {@code NormalizedString::split}: the matches (found as its onig
   * {@code find_iter} does: an empty match right where the previous match ended is skipped, other
   * empty matches count) and the text between them make runs (start, end, isMatch), flipped by
   * invert; then Isolated keeps every run, Removed drops matches, MergedWithPrevious appends a match
   * to the run before it, MergedWithNext prepends it to the run after it, Contiguous joins
   * neighbouring runs of the same kind. Empty pieces are dropped.
   */
  private static void split(Split s, String p, List<String> out) {
    if (p.isEmpty()) return;
    if (s.scanner != null && s.behavior == Behavior.ISOLATED && !s.invert) {
      char[] chars = p.toCharArray();
      for (int i = 0, n = chars.length; i < n; ) {
        int e = s.scanner.matchEnd(chars, i, n);
        out.add(p.substring(i, e));
        i = e;
      }
      return;
    }
    List<int[]> runs = new ArrayList<>();
    Matcher m = s.pattern.matcher(p);
    int last = 0;
    int lastMatchEnd = -1;
    while (m.find()) {
      int ms = m.start();
      int me = m.end();
      if (ms == me && (ms == lastMatchEnd || ms > 0 && ms < p.length()
          && Character.isHighSurrogate(p.charAt(ms - 1)) && Character.isLowSurrogate(p.charAt(ms)))) {
        continue; // onig steps over whole characters; java also tries between a surrogate pair
      }
      if (ms > last) runs.add(new int[] {last, ms, 0});
      runs.add(new int[] {ms, me, 1});
      last = me;
      lastMatchEnd = me;
    }
    if (last < p.length()) runs.add(new int[] {last, p.length(), 0});
    if (s.invert) for (int[] r : runs) r[2] = 1 - r[2];
    List<int[]> pieces = new ArrayList<>(runs.size());
    switch (s.behavior) {
      case ISOLATED -> pieces = runs;
      case REMOVED -> {
        for (int[] r : runs) if (r[2] == 0) pieces.add(r);
      }
      case CONTIGUOUS -> {
        boolean previousMatch = false;
        for (int[] r : runs) {
          boolean match = r[2] == 1;
          if (match == previousMatch && !pieces.isEmpty()) pieces.get(pieces.size() - 1)[1] = r[1];
          else pieces.add(new int[] {r[0], r[1], 0});
          previousMatch = match;
        }
      }
      case MERGED_WITH_PREVIOUS -> {
        boolean previousMatch = false;
        for (int[] r : runs) {
          boolean match = r[2] == 1;
          if (match && !previousMatch && !pieces.isEmpty()) pieces.get(pieces.size() - 1)[1] = r[1];
          else pieces.add(new int[] {r[0], r[1], 0});
          previousMatch = match;
        }
      }
      case MERGED_WITH_NEXT -> {
        boolean previousMatch = false;
        List<int[]> rev = new ArrayList<>(runs.size());
        for (int i = runs.size() - 1; i >= 0; i--) {
          int[] r = runs.get(i);
          boolean match = r[2] == 1;
          if (match && !previousMatch && !rev.isEmpty()) rev.get(rev.size() - 1)[0] = r[0];
          else rev.add(new int[] {r[0], r[1], 0});
          previousMatch = match;
        }
        for (int i = rev.size() - 1; i >= 0; i--) pieces.add(rev.get(i));
      }
    }
    for (int[] r : pieces) if (r[1] > r[0]) out.add(p.substring(r[0], r[1]));
  }
}
