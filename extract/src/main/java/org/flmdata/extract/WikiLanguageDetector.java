package org.flmdata.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model-free detector for the Latin- and Cyrillic-script languages among the 22 Wikipedia
 * languages of the Tele-FLM paper (bg ca cs da de en es fr hr hu it nl pl pt ro ru sl sr sv uk; zh
 * and ja are told by script in {@link ScriptLanguageGuesser}). Two kinds of evidence per language:
 *
 * <ul>
 *   <li>function words ({@code function-words.txt}, its source named there): the share of the
 *       sample's words that are in the language's list, each hit weighted by 1 / the number of
 *       listed languages that share the word ("de" counts a fifth for each of its five languages);
 *   <li>distinctive letters ({@link #LATIN_LETTERS}, {@link #CYRILLIC_LETTERS}): the share of
 *       letters that the language writes, weighted the same way (ř counts for cs alone, č for cs,
 *       hr and sl a third each), times {@value #LETTER_WEIGHT}.
 * </ul>
 *
 * The best language's score S1 against the runner-up's S2 gives the confidence: {@code (S1 - S2) /
 * S1}, scaled down when S1 is below {@value #FULL_EVIDENCE} (too few function words to be sure)
 * and when letters that none of these languages writes (Vietnamese ơ ư, Turkish ı ğ, Kazakh қ)
 * exceed a trace. Below {@value #MIN_CONFIDENCE} the answer is {@code und}. Pure; never throws.
 */
public final class WikiLanguageDetector {
  private WikiLanguageDetector() {}

  /** A language and how sure the detector is of it, in [0, 1]. */
  public record Guess(String lang, double confidence) {}

  /** Below this confidence the detector says {@code und}. */
  public static final double MIN_CONFIDENCE = 0.2;

  static final double LETTER_WEIGHT = 3;
  static final double FULL_EVIDENCE = 0.1;
  static final double FOREIGN_PENALTY = 20;
  static final int MIN_WORDS = 3;

  /** Non-ASCII letters each Latin-script language writes (ISO 639-1 code to letters). */
  static final Map<String, String> LATIN_LETTERS = new LinkedHashMap<>();

  /** Letters that tell the Cyrillic-script languages apart. */
  static final Map<String, String> CYRILLIC_LETTERS = new LinkedHashMap<>();

  static {
    LATIN_LETTERS.put("en", "");
    LATIN_LETTERS.put("de", "äöüß");
    LATIN_LETTERS.put("fr", "àâæçéèêëîïôœùûÿ");
    LATIN_LETTERS.put("es", "áéíñóúü");
    LATIN_LETTERS.put("pt", "áâãàçéêíóôõú");
    LATIN_LETTERS.put("it", "àèéìíòóù");
    LATIN_LETTERS.put("ca", "àçèéíïòóúü");
    LATIN_LETTERS.put("nl", "ëïé");
    LATIN_LETTERS.put("da", "æøåé");
    LATIN_LETTERS.put("sv", "åäöé");
    LATIN_LETTERS.put("pl", "ąćęłńóśźż");
    LATIN_LETTERS.put("cs", "áčďéěíňóřšťúůýž");
    LATIN_LETTERS.put("hu", "áéíóöőúüű");
    LATIN_LETTERS.put("ro", "ăâîșțşţ");
    LATIN_LETTERS.put("hr", "čćđšž");
    LATIN_LETTERS.put("sl", "čšž");
    CYRILLIC_LETTERS.put("ru", "ыэё");
    CYRILLIC_LETTERS.put("uk", "іїєґ");
    CYRILLIC_LETTERS.put("bg", "ъ");
    CYRILLIC_LETTERS.put("sr", "ђјљњћџ");
  }

  private static final Group LATIN = new Group(LATIN_LETTERS);
  private static final Group CYRILLIC = new Group(CYRILLIC_LETTERS);

  /** The Latin-script guess for the first {@code end} characters of {@code text}. */
  public static Guess latin(String text, int end) {
    return LATIN.detect(text, end);
  }

  /** The Cyrillic-script guess for the first {@code end} characters of {@code text}. */
  public static Guess cyrillic(String text, int end) {
    return CYRILLIC.detect(text, end);
  }

  /** Function words and letters of one script's languages, with their sharing weights. */
  private static final class Group {
    final List<String> langs;
    final Words words;
    final Map<Integer, double[]> letters = new HashMap<>();

    Group(Map<String, String> letterSets) {
      langs = new ArrayList<>(letterSets.keySet());
      Map<String, double[]> byWord = new HashMap<>();
      Map<String, List<String>> lists = FunctionWords.LISTS;
      for (int i = 0; i < langs.size(); i++) {
        for (String w : lists.getOrDefault(langs.get(i), List.of())) {
          byWord.computeIfAbsent(w, k -> new double[langs.size()])[i] = 1;
        }
        String set = letterSets.get(langs.get(i));
        for (int j = 0; j < set.length(); ) {
          int cp = set.codePointAt(j);
          j += Character.charCount(cp);
          letters.computeIfAbsent(cp, k -> new double[langs.size()])[i] = 1;
        }
      }
      normalize(byWord.values());
      normalize(letters.values());
      words = new Words(byWord);
    }

    /** Each row's ones become 1 / (number of languages sharing the entry). */
    private static void normalize(Iterable<double[]> rows) {
      for (double[] row : rows) {
        int n = 0;
        for (double v : row) if (v > 0) n++;
        for (int i = 0; i < row.length; i++) if (row[i] > 0) row[i] = 1.0 / n;
      }
    }

    Guess detect(String text, int end) {
      double[] wordScore = new double[langs.size()];
      double[] letterScore = new double[langs.size()];
      int nWords = 0;
      long nLetters = 0;
      long foreign = 0;
      // the current word, lower-cased, and its String.hashCode, looked up without a String
      char[] w = new char[64];
      int wn = 0;
      int wh = 0;
      int limit = Math.min(end, text.length());
      for (int i = 0; i <= limit; ) {
        int cp = i < limit ? text.codePointAt(i) : ' ';
        i += i < limit ? Character.charCount(cp) : 1;
        boolean letter;
        int lower;
        if (cp < 0x80) {
          // ASCII: no listed letter is ASCII, and none is foreign
          letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
          lower = cp | 0x20;
        } else {
          letter = Character.isLetter(cp);
          lower = letter ? Character.toLowerCase(cp) : cp;
        }
        if (letter) {
          if (wn + 2 > w.length) w = java.util.Arrays.copyOf(w, w.length * 2);
          if (lower < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            w[wn++] = (char) lower;
            wh = 31 * wh + lower;
          } else {
            char hi = Character.highSurrogate(lower);
            char lo = Character.lowSurrogate(lower);
            w[wn++] = hi;
            w[wn++] = lo;
            wh = 31 * (31 * wh + hi) + lo;
          }
          nLetters++;
          if (lower >= 0x80) {
            double[] row = letters.get(lower);
            if (row != null) {
              for (int k = 0; k < row.length; k++) letterScore[k] += row[k];
            } else if (isForeign(lower)) {
              foreign++;
            }
          }
        } else if (wn > 0) {
          nWords++;
          double[] row = words.get(w, wn, wh);
          if (row != null) {
            for (int k = 0; k < row.length; k++) wordScore[k] += row[k];
          }
          wn = 0;
          wh = 0;
        }
      }
      if (nWords < MIN_WORDS || nLetters == 0) return new Guess("und", 0);
      int best = -1;
      int second = -1;
      double[] score = new double[langs.size()];
      for (int k = 0; k < score.length; k++) {
        score[k] = wordScore[k] / nWords + LETTER_WEIGHT * letterScore[k] / nLetters;
        if (best < 0 || score[k] > score[best]) {
          second = best;
          best = k;
        } else if (second < 0 || score[k] > score[second]) {
          second = k;
        }
      }
      double s1 = score[best];
      if (s1 <= 0) return new Guess("und", 0);
      double s2 = second < 0 ? 0 : score[second];
      double margin = (s1 - s2) / s1;
      double evidence = Math.min(1, s1 / FULL_EVIDENCE);
      double alien = Math.max(0, 1 - FOREIGN_PENALTY * foreign / (double) nLetters);
      double confidence = margin * evidence * alien;
      return new Guess(confidence < MIN_CONFIDENCE ? "und" : langs.get(best), confidence);
    }

    /**
     * A letter outside every alphabet of the group: a non-ASCII Latin letter none of the Latin
     * languages writes, or a Cyrillic letter outside the basic Russian block (а-я) and the
     * listed ones.
     */
    private boolean isForeign(int lower) {
      if (lower < 0x80) return false;
      Character.UnicodeScript s;
      try {
        s = Character.UnicodeScript.of(lower);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (this == LATIN) return s == Character.UnicodeScript.LATIN;
      return s == Character.UnicodeScript.CYRILLIC && (lower < 0x430 || lower > 0x44F);
    }
  }

  /**
   * The function words of a group and their weight rows, an open-addressing table looked up by a
   * word's chars and {@link String#hashCode}: the same answers as a {@code HashMap<String,
   * double[]>} without a String per word of the sample.
   */
  private static final class Words {
    private final String[] keys;
    private final int[] hashes;
    private final double[][] rows;
    private final int mask;

    Words(Map<String, double[]> byWord) {
      int cap = Integer.highestOneBit(Math.max(16, byWord.size() * 4 - 1)) << 1;
      keys = new String[cap];
      hashes = new int[cap];
      rows = new double[cap][];
      mask = cap - 1;
      for (Map.Entry<String, double[]> e : byWord.entrySet()) {
        int h = e.getKey().hashCode();
        int i = spread(h) & mask;
        while (keys[i] != null) i = (i + 1) & mask;
        keys[i] = e.getKey();
        hashes[i] = h;
        rows[i] = e.getValue();
      }
    }

    /** The row of the word {@code w[0, n)} whose {@link String#hashCode} is {@code h}, or null. */
    double[] get(char[] w, int n, int h) {
      for (int i = spread(h) & mask; keys[i] != null; i = (i + 1) & mask) {
        if (hashes[i] == h && equal(keys[i], w, n)) return rows[i];
      }
      return null;
    }

    private static boolean equal(String key, char[] w, int n) {
      if (key.length() != n) return false;
      for (int j = 0; j < n; j++) if (key.charAt(j) != w[j]) return false;
      return true;
    }

    private static int spread(int h) {
      return h ^ (h >>> 16) ^ (h >>> 7);
    }
  }

  /** The function-word lists of {@code function-words.txt}, loaded once. */
  static final class FunctionWords {
    private FunctionWords() {}

    static final Map<String, List<String>> LISTS = load();

    private static Map<String, List<String>> load() {
      Map<String, List<String>> m = new LinkedHashMap<>();
      try (InputStream in = WikiLanguageDetector.class.getResourceAsStream("function-words.txt")) {
        if (in == null) throw new IllegalStateException("function-words.txt missing from the jar");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
          line = line.strip();
          if (line.isEmpty() || line.startsWith("#")) continue;
          int colon = line.indexOf(':');
          m.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip().split("\\s+")));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return m;
    }
  }
}
