package org.flmdata.tokenize.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts that stress a byte-level BPE tokenizer; deterministic. */
final class ParityTexts {
  private ParityTexts() {}

  static List<String> build(Path shared) throws IOException {
    List<String> t = new ArrayList<>();
    t.add("");
    t.add(" ");
    t.add("Hello world");
    t.add("The quick brown fox jumps over the lazy dog. I'm sure you've seen it; DON'T you think? She'll, we'd, they're, it's.");
    t.add("'S 'T 'RE 'VE 'M 'LL 'D 'ſ 'K");
    t.add("北京是中华人民共和国的首都，也是全国的政治、文化中心。我们今天去颐和园！");
    t.add("日本語のテキストとカタカナ、ひらがな。한국어 텍스트입니다. ภาษาไทยไม่มีช่องว่าง Русский текст. العربية نص. हिन्दी पाठ। עברית");
    t.add("def f(x):\n    return x ** 2  # square\n\n\tif (a && b) { c->d[i] += 0x1F; }\r\n");
    t.add("public static void main(String[] args) {\n        System.out.println(\"hi\");\n    }\n");
    t.add("Emoji: 😀😃🤖👩‍👩‍👧‍👦 🇨🇳🇺🇸 ❤️ 👍🏽 and text🙂mixed");
    t.add("mixed中文English混合123abc😀русский");
    t.add("Specials: <|endoftext|> <s> </s> <unk> <|begin_of_text|> <|im_start|>user\nhi<|im_end|> <|padding|> <|endoftext|><|endoftext|>");
    t.add("e\u0301 café cafe\u0301 Å A\u030A ﬁ ① ＡＢＣ");
    t.add("non\u00A0breaking\u3000ideographic\u2028line\u2029para\u0085nel\u200Bzw");
    t.add("lone high \uD800 and low \uDC00 and reversed \uDC00\uD800 end\uD83D");
    t.add("tabs\t\t\tand\n\n\nnewlines\r\n\r\n  \n \n");
    for (int n : new int[] {1, 2, 3, 4, 7, 16, 17, 100, 1000}) {
      t.add("a" + " ".repeat(n) + "b" + " ".repeat(n));
      t.add("1".repeat(n) + " x " + "9876543210".repeat(Math.max(1, n / 10)));
      t.add("\n".repeat(n) + "x" + "\t".repeat(n));
    }
    t.add("a".repeat(5000));
    t.add("a".repeat(200_000)); // one pre-token of 200k symbols
    t.add(" ".repeat(100_000) + "x" + "\n".repeat(50_000));
    t.add("1".repeat(100_000) + "\u4e2d".repeat(50_000));
    t.add("ab".repeat(3000) + " " + "的".repeat(2000));
    // letters and digits newer than Java 17's Unicode 13 (Latin U+A7D7, Arabic U+0870, CJK
    // extension H U+31350, Nag Mundari digits U+1E4F0) beside old letters, digits and punctuation
    t.add(new StringBuilder("word").appendCodePoint(0xA7D7).append("word x").appendCodePoint(0x0870)
        .append("(").appendCodePoint(0x31350).appendCodePoint(0x31351).append("中文) 12")
        .appendCodePoint(0x1E4F1).append("3 '").appendCodePoint(0xA7D7).append("'\n").toString());
    t.add("3.14159 1,000,000 2024-11-26 12:30:45 $100.00 50% #tag @user http://example.com/path?q=1&r=2");
    Random r = new Random(20261126);
    int[][] ranges = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x600, 0x6FF},
        {0x900, 0x97F}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x1F300, 0x1FAFF},
        {0x2000, 0x206F}, {0x0, 0x20}, {0x300, 0x36F}, {0xFFF0, 0xFFFF}, {0x10000, 0x10FFFF}};
    for (int d = 0; d < 300; d++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(200);
      for (int i = 0; i < len; i++) {
        int[] range = ranges[r.nextInt(ranges.length)];
        int cp = range[0] + r.nextInt(range[1] - range[0] + 1);
        if (r.nextInt(5) == 0) cp = ' ';
        if (Character.isValidCodePoint(cp)) b.appendCodePoint(cp);
      }
      t.add(b.toString());
    }
    addJsonl(t, shared.resolve("data/text/en-web-dolma/cc_en_head-0091.jsonl"), "text", 60);
    addJsonl(t, shared.resolve("data/text/zh-web-chinesewebtext/clean.jsonl"), "text", 60);
    return t;
  }

  private static void addJsonl(List<String> t, Path file, String field, int max) throws IOException {
    if (!org.flmdata.pipeline.testing.SharedData.present(file)) return;
    ObjectMapper om = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null && n < max) {
        JsonNode j = om.readTree(line);
        String text = j.path(field).asText(null);
        if (text == null) {
          for (JsonNode v : j) if (v.isTextual() && v.asText().length() > 20) text = v.asText();
        }
        if (text != null) {
          t.add(text);
          n++;
        }
      }
    }
  }
}
