package org.flmdata.tokenize.bpe;

/**
 * The character classes of the pre-tokenizer regexes, {@code \p{L}}, {@code \p{N}} and Unicode
 * {@code \s}, for every code point as the Hugging Face Rust library's regex engine (Oniguruma)
 * sees them, so the scanners split as the Rust library does on any JVM: Java 17's
 * {@link Character} knows Unicode 13 and would call some 9,900 newer letters and digits (CJK
 * extensions, new scripts) "other". Generated from npm {@code tokenizers} 0.23.2 by
 * {@code tests/setup/unicode-classes.js}; do not edit by hand.
 */
final class UnicodeClasses {
  static final int OTHER = 0;
  static final int LETTER = 1;
  static final int NUMBER = 2;
  static final int SPACE = 3;

  /**
   * Ranges in code point order: each entry is the hex start of a range and its class (L, N or S;
   * nothing for OTHER); a range ends where the next starts.
   */
  private static final String RANGES =
      "0 9S e 20S 21 30N 3a 41L 5b 61L 7b 85S 86 a0S "
      + "a1 aaL ab b2N b4 b5L b6 b9N baL bb bcN bf c0L d7 "
      + "d8L f7 f8L 2c2 2c6L 2d2 2e0L 2e5 2ecL 2ed 2eeL 2ef 370L 375 "
      + "376L 378 37aL 37e 37fL 380 386L 387 388L 38b 38cL 38d 38eL 3a2 "
      + "3a3L 3f6 3f7L 482 48aL 530 531L 557 559L 55a 560L 589 5d0L 5eb "
      + "5efL 5f3 620L 64b 660N 66a 66eL 670 671L 6d4 6d5L 6d6 6e5L 6e7 "
      + "6eeL 6f0N 6faL 6fd 6ffL 700 710L 711 712L 730 74dL 7a6 7b1L 7b2 "
      + "7c0N 7caL 7eb 7f4L 7f6 7faL 7fb 800L 816 81aL 81b 824L 825 828L "
      + "829 840L 859 860L 86b 870L 888 889L 88f 8a0L 8ca 904L 93a 93dL "
      + "93e 950L 951 958L 962 966N 970 971L 981 985L 98d 98fL 991 993L "
      + "9a9 9aaL 9b1 9b2L 9b3 9b6L 9ba 9bdL 9be 9ceL 9cf 9dcL 9de 9dfL "
      + "9e2 9e6N 9f0L 9f2 9f4N 9fa 9fcL 9fd a05L a0b a0fL a11 a13L a29 "
      + "a2aL a31 a32L a34 a35L a37 a38L a3a a59L a5d a5eL a5f a66N a70 "
      + "a72L a75 a85L a8e a8fL a92 a93L aa9 aaaL ab1 ab2L ab4 ab5L aba "
      + "abdL abe ad0L ad1 ae0L ae2 ae6N af0 af9L afa b05L b0d b0fL b11 "
      + "b13L b29 b2aL b31 b32L b34 b35L b3a b3dL b3e b5cL b5e b5fL b62 "
      + "b66N b70 b71L b72N b78 b83L b84 b85L b8b b8eL b91 b92L b96 b99L "
      + "b9b b9cL b9d b9eL ba0 ba3L ba5 ba8L bab baeL bba bd0L bd1 be6N "
      + "bf3 c05L c0d c0eL c11 c12L c29 c2aL c3a c3dL c3e c58L c5b c5dL "
      + "c5e c60L c62 c66N c70 c78N c7f c80L c81 c85L c8d c8eL c91 c92L "
      + "ca9 caaL cb4 cb5L cba cbdL cbe cddL cdf ce0L ce2 ce6N cf0 cf1L "
      + "cf3 d04L d0d d0eL d11 d12L d3b d3dL d3e d4eL d4f d54L d57 d58N "
      + "d5fL d62 d66N d79 d7aL d80 d85L d97 d9aL db2 db3L dbc dbdL dbe "
      + "dc0L dc7 de6N df0 e01L e31 e32L e34 e40L e47 e50N e5a e81L e83 "
      + "e84L e85 e86L e8b e8cL ea4 ea5L ea6 ea7L eb1 eb2L eb4 ebdL ebe "
      + "ec0L ec5 ec6L ec7 ed0N eda edcL ee0 f00L f01 f20N f34 f40L f48 "
      + "f49L f6d f88L f8d 1000L 102b 103fL 1040N 104a 1050L 1056 105aL 105e 1061L "
      + "1062 1065L 1067 106eL 1071 1075L 1082 108eL 108f 1090N 109a 10a0L 10c6 10c7L "
      + "10c8 10cdL 10ce 10d0L 10fb 10fcL 1249 124aL 124e 1250L 1257 1258L 1259 125aL "
      + "125e 1260L 1289 128aL 128e 1290L 12b1 12b2L 12b6 12b8L 12bf 12c0L 12c1 12c2L "
      + "12c6 12c8L 12d7 12d8L 1311 1312L 1316 1318L 135b 1369N 137d 1380L 1390 13a0L "
      + "13f6 13f8L 13fe 1401L 166d 166fL 1680S 1681L 169b 16a0L 16eb 16eeN 16f1L 16f9 "
      + "1700L 1712 171fL 1732 1740L 1752 1760L 176d 176eL 1771 1780L 17b4 17d7L 17d8 "
      + "17dcL 17dd 17e0N 17ea 17f0N 17fa 1810N 181a 1820L 1879 1880L 1885 1887L 18a9 "
      + "18aaL 18ab 18b0L 18f6 1900L 191f 1946N 1950L 196e 1970L 1975 1980L 19ac 19b0L "
      + "19ca 19d0N 19db 1a00L 1a17 1a20L 1a55 1a80N 1a8a 1a90N 1a9a 1aa7L 1aa8 1b05L "
      + "1b34 1b45L 1b4d 1b50N 1b5a 1b83L 1ba1 1baeL 1bb0N 1bbaL 1be6 1c00L 1c24 1c40N "
      + "1c4a 1c4dL 1c50N 1c5aL 1c7e 1c80L 1c8b 1c90L 1cbb 1cbdL 1cc0 1ce9L 1ced 1ceeL "
      + "1cf4 1cf5L 1cf7 1cfaL 1cfb 1d00L 1dc0 1e00L 1f16 1f18L 1f1e 1f20L 1f46 1f48L "
      + "1f4e 1f50L 1f58 1f59L 1f5a 1f5bL 1f5c 1f5dL 1f5e 1f5fL 1f7e 1f80L 1fb5 1fb6L "
      + "1fbd 1fbeL 1fbf 1fc2L 1fc5 1fc6L 1fcd 1fd0L 1fd4 1fd6L 1fdc 1fe0L 1fed 1ff2L "
      + "1ff5 1ff6L 1ffd 2000S 200b 2028S 202a 202fS 2030 205fS 2060 2070N 2071L 2072 "
      + "2074N 207a 207fL 2080N 208a 2090L 209d 2102L 2103 2107L 2108 210aL 2114 2115L "
      + "2116 2119L 211e 2124L 2125 2126L 2127 2128L 2129 212aL 212e 212fL 213a 213cL "
      + "2140 2145L 214a 214eL 214f 2150N 2183L 2185N 218a 2460N 249c 24eaN 2500 2776N "
      + "2794 2c00L 2ce5 2cebL 2cef 2cf2L 2cf4 2cfdN 2cfe 2d00L 2d26 2d27L 2d28 2d2dL "
      + "2d2e 2d30L 2d68 2d6fL 2d70 2d80L 2d97 2da0L 2da7 2da8L 2daf 2db0L 2db7 2db8L "
      + "2dbf 2dc0L 2dc7 2dc8L 2dcf 2dd0L 2dd7 2dd8L 2ddf 2e2fL 2e30 3000S 3001 3005L "
      + "3007N 3008 3021N 302a 3031L 3036 3038N 303bL 303d 3041L 3097 309dL 30a0 30a1L "
      + "30fb 30fcL 3100 3105L 3130 3131L 318f 3192N 3196 31a0L 31c0 31f0L 3200 3220N "
      + "322a 3248N 3250 3251N 3260 3280N 328a 32b1N 32c0 3400L 4dc0 4e00L a48d a4d0L "
      + "a4fe a500L a60d a610L a620N a62aL a62c a640L a66f a67fL a69e a6a0L a6e6N a6f0 "
      + "a717L a720 a722L a789 a78bL a7ce a7d0L a7d2 a7d3L a7d4 a7d5L a7dd a7f2L a802 "
      + "a803L a806 a807L a80b a80cL a823 a830N a836 a840L a874 a882L a8b4 a8d0N a8da "
      + "a8f2L a8f8 a8fbL a8fc a8fdL a8ff a900N a90aL a926 a930L a947 a960L a97d a984L "
      + "a9b3 a9cfL a9d0N a9da a9e0L a9e5 a9e6L a9f0N a9faL a9ff aa00L aa29 aa40L aa43 "
      + "aa44L aa4c aa50N aa5a aa60L aa77 aa7aL aa7b aa7eL aab0 aab1L aab2 aab5L aab7 "
      + "aab9L aabe aac0L aac1 aac2L aac3 aadbL aade aae0L aaeb aaf2L aaf5 ab01L ab07 "
      + "ab09L ab0f ab11L ab17 ab20L ab27 ab28L ab2f ab30L ab5b ab5cL ab6a ab70L abe3 "
      + "abf0N abfa ac00L d7a4 d7b0L d7c7 d7cbL d7fc f900L fa6e fa70L fada fb00L fb07 "
      + "fb13L fb18 fb1dL fb1e fb1fL fb29 fb2aL fb37 fb38L fb3d fb3eL fb3f fb40L fb42 "
      + "fb43L fb45 fb46L fbb2 fbd3L fd3e fd50L fd90 fd92L fdc8 fdf0L fdfc fe70L fe75 "
      + "fe76L fefd ff10N ff1a ff21L ff3b ff41L ff5b ff66L ffbf ffc2L ffc8 ffcaL ffd0 "
      + "ffd2L ffd8 ffdaL ffdd 10000L 1000c 1000dL 10027 10028L 1003b 1003cL 1003e 1003fL 1004e "
      + "10050L 1005e 10080L 100fb 10107N 10134 10140N 10179 1018aN 1018c 10280L 1029d 102a0L 102d1 "
      + "102e1N 102fc 10300L 10320N 10324 1032dL 10341N 10342L 1034aN 1034b 10350L 10376 10380L 1039e "
      + "103a0L 103c4 103c8L 103d0 103d1N 103d6 10400L 1049e 104a0N 104aa 104b0L 104d4 104d8L 104fc "
      + "10500L 10528 10530L 10564 10570L 1057b 1057cL 1058b 1058cL 10593 10594L 10596 10597L 105a2 "
      + "105a3L 105b2 105b3L 105ba 105bbL 105bd 105c0L 105f4 10600L 10737 10740L 10756 10760L 10768 "
      + "10780L 10786 10787L 107b1 107b2L 107bb 10800L 10806 10808L 10809 1080aL 10836 10837L 10839 "
      + "1083cL 1083d 1083fL 10856 10858N 10860L 10877 10879N 10880L 1089f 108a7N 108b0 108e0L 108f3 "
      + "108f4L 108f6 108fbN 10900L 10916N 1091c 10920L 1093a 10980L 109b8 109bcN 109beL 109c0N 109d0 "
      + "109d2N 10a00L 10a01 10a10L 10a14 10a15L 10a18 10a19L 10a36 10a40N 10a49 10a60L 10a7dN 10a7f "
      + "10a80L 10a9dN 10aa0 10ac0L 10ac8 10ac9L 10ae5 10aebN 10af0 10b00L 10b36 10b40L 10b56 10b58N "
      + "10b60L 10b73 10b78N 10b80L 10b92 10ba9N 10bb0 10c00L 10c49 10c80L 10cb3 10cc0L 10cf3 10cfaN "
      + "10d00L 10d24 10d30N 10d3a 10d40N 10d4aL 10d66 10d6fL 10d86 10e60N 10e7f 10e80L 10eaa 10eb0L "
      + "10eb2 10ec2L 10ec5 10f00L 10f1dN 10f27L 10f28 10f30L 10f46 10f51N 10f55 10f70L 10f82 10fb0L "
      + "10fc5N 10fcc 10fe0L 10ff7 11003L 11038 11052N 11070 11071L 11073 11075L 11076 11083L 110b0 "
      + "110d0L 110e9 110f0N 110fa 11103L 11127 11136N 11140 11144L 11145 11147L 11148 11150L 11173 "
      + "11176L 11177 11183L 111b3 111c1L 111c5 111d0N 111daL 111db 111dcL 111dd 111e1N 111f5 11200L "
      + "11212 11213L 1122c 1123fL 11241 11280L 11287 11288L 11289 1128aL 1128e 1128fL 1129e 1129fL "
      + "112a9 112b0L 112df 112f0N 112fa 11305L 1130d 1130fL 11311 11313L 11329 1132aL 11331 11332L "
      + "11334 11335L 1133a 1133dL 1133e 11350L 11351 1135dL 11362 11380L 1138a 1138bL 1138c 1138eL "
      + "1138f 11390L 113b6 113b7L 113b8 113d1L 113d2 113d3L 113d4 11400L 11435 11447L 1144b 11450N "
      + "1145a 1145fL 11462 11480L 114b0 114c4L 114c6 114c7L 114c8 114d0N 114da 11580L 115af 115d8L "
      + "115dc 11600L 11630 11644L 11645 11650N 1165a 11680L 116ab 116b8L 116b9 116c0N 116ca 116d0N "
      + "116e4 11700L 1171b 11730N 1173c 11740L 11747 11800L 1182c 118a0L 118e0N 118f3 118ffL 11907 "
      + "11909L 1190a 1190cL 11914 11915L 11917 11918L 11930 1193fL 11940 11941L 11942 11950N 1195a "
      + "119a0L 119a8 119aaL 119d1 119e1L 119e2 119e3L 119e4 11a00L 11a01 11a0bL 11a33 11a3aL 11a3b "
      + "11a50L 11a51 11a5cL 11a8a 11a9dL 11a9e 11ab0L 11af9 11bc0L 11be1 11bf0N 11bfa 11c00L 11c09 "
      + "11c0aL 11c2f 11c40L 11c41 11c50N 11c6d 11c72L 11c90 11d00L 11d07 11d08L 11d0a 11d0bL 11d31 "
      + "11d46L 11d47 11d50N 11d5a 11d60L 11d66 11d67L 11d69 11d6aL 11d8a 11d98L 11d99 11da0N 11daa "
      + "11ee0L 11ef3 11f02L 11f03 11f04L 11f11 11f12L 11f34 11f50N 11f5a 11fb0L 11fb1 11fc0N 11fd5 "
      + "12000L 1239a 12400N 1246f 12480L 12544 12f90L 12ff1 13000L 13430 13441L 13447 13460L 143fb "
      + "14400L 14647 16100L 1611e 16130N 1613a 16800L 16a39 16a40L 16a5f 16a60N 16a6a 16a70L 16abf "
      + "16ac0N 16aca 16ad0L 16aee 16b00L 16b30 16b40L 16b44 16b50N 16b5a 16b5bN 16b62 16b63L 16b78 "
      + "16b7dL 16b90 16d40L 16d6d 16d70N 16d7a 16e40L 16e80N 16e97 16f00L 16f4b 16f50L 16f51 16f93L "
      + "16fa0 16fe0L 16fe2 16fe3L 16fe4 17000L 187f8 18800L 18cd6 18cffL 18d09 1aff0L 1aff4 1aff5L "
      + "1affc 1affdL 1afff 1b000L 1b123 1b132L 1b133 1b150L 1b153 1b155L 1b156 1b164L 1b168 1b170L "
      + "1b2fc 1bc00L 1bc6b 1bc70L 1bc7d 1bc80L 1bc89 1bc90L 1bc9a 1ccf0N 1ccfa 1d2c0N 1d2d4 1d2e0N "
      + "1d2f4 1d360N 1d379 1d400L 1d455 1d456L 1d49d 1d49eL 1d4a0 1d4a2L 1d4a3 1d4a5L 1d4a7 1d4a9L "
      + "1d4ad 1d4aeL 1d4ba 1d4bbL 1d4bc 1d4bdL 1d4c4 1d4c5L 1d506 1d507L 1d50b 1d50dL 1d515 1d516L "
      + "1d51d 1d51eL 1d53a 1d53bL 1d53f 1d540L 1d545 1d546L 1d547 1d54aL 1d551 1d552L 1d6a6 1d6a8L "
      + "1d6c1 1d6c2L 1d6db 1d6dcL 1d6fb 1d6fcL 1d715 1d716L 1d735 1d736L 1d74f 1d750L 1d76f 1d770L "
      + "1d789 1d78aL 1d7a9 1d7aaL 1d7c3 1d7c4L 1d7cc 1d7ceN 1d800 1df00L 1df1f 1df25L 1df2b 1e030L "
      + "1e06e 1e100L 1e12d 1e137L 1e13e 1e140N 1e14a 1e14eL 1e14f 1e290L 1e2ae 1e2c0L 1e2ec 1e2f0N "
      + "1e2fa 1e4d0L 1e4ec 1e4f0N 1e4fa 1e5d0L 1e5ee 1e5f0L 1e5f1N 1e5fb 1e7e0L 1e7e7 1e7e8L 1e7ec "
      + "1e7edL 1e7ef 1e7f0L 1e7ff 1e800L 1e8c5 1e8c7N 1e8d0 1e900L 1e944 1e94bL 1e94c 1e950N 1e95a "
      + "1ec71N 1ecac 1ecadN 1ecb0 1ecb1N 1ecb5 1ed01N 1ed2e 1ed2fN 1ed3e 1ee00L 1ee04 1ee05L 1ee20 "
      + "1ee21L 1ee23 1ee24L 1ee25 1ee27L 1ee28 1ee29L 1ee33 1ee34L 1ee38 1ee39L 1ee3a 1ee3bL 1ee3c "
      + "1ee42L 1ee43 1ee47L 1ee48 1ee49L 1ee4a 1ee4bL 1ee4c 1ee4dL 1ee50 1ee51L 1ee53 1ee54L 1ee55 "
      + "1ee57L 1ee58 1ee59L 1ee5a 1ee5bL 1ee5c 1ee5dL 1ee5e 1ee5fL 1ee60 1ee61L 1ee63 1ee64L 1ee65 "
      + "1ee67L 1ee6b 1ee6cL 1ee73 1ee74L 1ee78 1ee79L 1ee7d 1ee7eL 1ee7f 1ee80L 1ee8a 1ee8bL 1ee9c "
      + "1eea1L 1eea4 1eea5L 1eeaa 1eeabL 1eebc 1f100N 1f10d 1fbf0N 1fbfa 20000L 2a6e0 2a700L 2b73a "
      + "2b740L 2b81e 2b820L 2cea2 2ceb0L 2ebe1 2ebf0L 2ee5e 2f800L 2fa1e 30000L 3134b 31350L 323b0 ";

  private static final byte[] BMP = new byte[0x10000];
  private static final int[] STARTS;
  private static final byte[] CLASSES;

  static {
    String[] r = RANGES.trim().split(" ");
    STARTS = new int[r.length];
    CLASSES = new byte[r.length];
    for (int i = 0; i < r.length; i++) {
      String e = r[i];
      int c = "LNS".indexOf(e.charAt(e.length() - 1)) + 1;
      STARTS[i] = Integer.parseInt(c == 0 ? e : e.substring(0, e.length() - 1), 16);
      CLASSES[i] = (byte) c;
    }
    for (int i = 0; i < r.length && STARTS[i] < 0x10000; i++) {
      int end = i + 1 < r.length ? Math.min(STARTS[i + 1], 0x10000) : 0x10000;
      java.util.Arrays.fill(BMP, STARTS[i], end, CLASSES[i]);
    }
  }

  private UnicodeClasses() {}

  /** The class of code point {@code cp}. */
  static int of(int cp) {
    if (cp < 0x10000) return BMP[cp];
    int i = java.util.Arrays.binarySearch(STARTS, cp);
    return CLASSES[i >= 0 ? i : -i - 2];
  }
}
