package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
      for (String t : texts) {
        assertEquals(byRegex(p, t), byScanner(sc, t), () -> sc + " on " + escape(t));
        n++;
      }
      assertEquals(texts.size(), n);
    }
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
