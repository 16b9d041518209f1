package org.flmdata.tokenize.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mixed English-like, Chinese and code text for training tests: words drawn with
 * Zipf-like frequencies from invented vocabularies, so frequent words and rare tails both occur.
 */
final class GeneratedText {
  private GeneratedText() {}

  static List<String> docs(int n, long seed) {
    Random r = new Random(seed);
    String[] syll = {"th", "e", "an", "in", "er", "on", "re", "at", "st", "en", "ou", "ing", "al", "it", "or", "ed", "is", "ar", "es", "to"};
    String[] en = new String[400];
    for (int i = 0; i < en.length; i++) {
      StringBuilder b = new StringBuilder();
      int k = 1 + r.nextInt(4);
      for (int j = 0; j < k; j++) b.append(syll[r.nextInt(syll.length)]);
      en[i] = i % 17 == 0 ? Character.toUpperCase(b.charAt(0)) + b.substring(1) : b.toString();
    }
    String[] zh = new String[300];
    for (int i = 0; i < zh.length; i++) {
      StringBuilder b = new StringBuilder();
      int k = 1 + r.nextInt(3);
      for (int j = 0; j < k; j++) b.appendCodePoint(0x4E00 + r.nextInt(600));
      zh[i] = b.toString();
    }
    String[] code = {"def ", "return ", "self.", "(x)", " = ", "\n    ", "if ", " == ", "None", "for i in range(", "):", "{", "}", ";\n", "int ", "++", "0x1F", "// note\n", "\t", "print(\"", "\")"};
    List<String> out = new ArrayList<>(n);
    for (int d = 0; d < n; d++) {
      StringBuilder b = new StringBuilder();
      int kind = d % 3;
      int len = 20 + r.nextInt(120);
      for (int i = 0; i < len; i++) {
        int z = (int) Math.floor(Math.pow(r.nextDouble(), 3) * 400);
        switch (kind) {
          case 0 -> {
            b.append(en[z % en.length]);
            int p = r.nextInt(20);
            b.append(p == 0 ? ". " : p == 1 ? ", " : p == 2 ? " " + (r.nextInt(3000)) + " " : p == 3 ? "'s " : " ");
          }
          case 1 -> {
            b.append(zh[z % zh.length]);
            if (r.nextInt(8) == 0) b.append(r.nextBoolean() ? "，" : "。");
            if (r.nextInt(30) == 0) b.append(en[z % en.length]).append(' ');
          }
          default -> {
            b.append(code[z % code.length]);
            if (r.nextInt(3) == 0) b.append(en[z % en.length]);
          }
        }
      }
      out.add(b.toString().replace("\n", " ").strip()); // one document per line for the reference
    }
    return out;
  }
}
