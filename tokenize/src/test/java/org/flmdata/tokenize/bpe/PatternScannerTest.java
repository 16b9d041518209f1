package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners split every text exactly as the regexes they stand for do under
 * java.util.regex (which the parity tests hold to the Rust library): the parity texts, random
 * strings over an alphabet chosen to hit every branch (contractions in both cases and with
 * U+017F, letters and numbers of several scripts, every kind of whitespace, surrogate pairs,
 * lone surrogates), and real text when the shared data is present.
 */
class PatternScannerTest {
  private static final String ALPHABET = "'sStTrReEvVmMlLdDſKka1٣²Ⅻ 　\t\r\n\u000B\u000C\u0085\u00A0\u2028"
      + "\u2029\u200B!?.,-_#(){}中文ひらカナΣσж😀\uD800\uDC00\uDBFF\uDFFFé\u0301";

  private static List<String> byRegex(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) out.add("GAP:" + s.substring(last, m.start()));
      out.add(m.group());
      last = m.end();
    }
    if (last < s.length()) out.add("GAP:" + s.substring(last));
    return out;
  }

  private static List<String> byScanner(PatternScanner sc, String s) {
    List<String> out = new ArrayList<>();
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; ) {
      int e = sc.matchEnd(c, i, c.length);
      out.add(s.substring(i, e));
      i = e;
    }
    return out;
  }

  private static List<String> texts() throws Exception {
    List<String> texts = new ArrayList<>(ParityTexts.build(SharedData.root()));
    Random r = new Random(42);
    int[] cps = ALPHABET.codePoints().toArray();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(24);
      for (int j = 0; j < len; j++) b.appendCodePoint(cps[r.nextInt(cps.length)]);
      texts.add(b.toString());
    }
    return texts;
  }

  @Test
  void scannersSplitExactlyAsTheirRegexes() throws Exception {
    List<String> texts = texts();
    for (PatternScanner sc : PatternScanner.values()) {
      Pattern p = RegexTranslator.compile(sc.pattern, "test");
      int n = 0;
      int skipped = 0;
      for (String t : texts) {
        if (t.codePoints().anyMatch(cp -> UnicodeClasses.of(cp) != jdkClass(cp))) {
          skipped++; // the scanner follows the Rust library there (HfParityTest), the regex the JDK
          continue;
        }
        assertEquals(byRegex(p, t), byScanner(sc, t), () -> sc + " on " + escape(t));
        n++;
      }
      assertEquals(texts.size(), n + skipped);
      assertTrue(n > texts.size() * 9 / 10, "compared " + n + " of " + texts.size());
    }
  }

  /** The classes as this JVM's java.util.regex has them under UNICODE_CHARACTER_CLASS. */
  private static int jdkClass(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER -> UnicodeClasses.LETTER;
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> UnicodeClasses.NUMBER;
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> UnicodeClasses.SPACE;
      default -> (cp >= 0x9 && cp <= 0xD) || cp == 0x85 ? UnicodeClasses.SPACE : UnicodeClasses.OTHER;
    };
  }

  /** Where this JVM's Unicode agrees with the Rust library's, the table says what the JDK says. */
  @Test
  void classTableAgreesWithTheJdkOnTheLatinAndCjkBasics() {
    for (int i = 0; i < 0x3000; i++) {
      int cp = i;
      if (Character.getType(cp) == Character.UNASSIGNED) continue;
      if (cp >= 0x0870 && cp <= 0x089F || cp >= 0x08B5 && cp <= 0x08C9) continue; // Unicode 14 Arabic
      assertEquals(jdkClass(cp), UnicodeClasses.of(cp), () -> String.format("U+%04X", cp));
    }
    assertEquals(UnicodeClasses.LETTER, UnicodeClasses.of(0x4E2D));
    assertEquals(UnicodeClasses.LETTER, UnicodeClasses.of(0x31350)); // CJK extension H (Unicode 15)
    assertEquals(UnicodeClasses.NUMBER, UnicodeClasses.of(0x1E4F1)); // Nag Mundari digit (Unicode 15)
    assertEquals(UnicodeClasses.SPACE, UnicodeClasses.of(0x3000));
    assertEquals(UnicodeClasses.OTHER, UnicodeClasses.of(0xD800));
  }

  @Test
  void onlyTheExactPatternSourcesGetAScanner() {
    assertEquals(PatternScanner.GPT2, PatternScanner.of(PreTokenizer.GPT2_PATTERN));
    assertEquals(null, PatternScanner.of(PreTokenizer.GPT2_PATTERN + "|x"));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
