// Writes tokenize/src/main/java/org/flmdata/tokenize/bpe/UnicodeClasses.java: the character
// classes \p{L}, \p{N} and \s as the Hugging Face Rust library's regex engine (Oniguruma, in the
// npm `tokenizers` binding) sees them, for every code point, so that the pre-tokenizer scanners
// split exactly as the Rust library does whatever Unicode version the JVM has (Java 17 knows
// Unicode 13; the binding's Oniguruma knows a later version).
// usage: NODE_PATH=tests/target/node/node_modules node tests/setup/unicode-classes.js > \
//          tokenize/src/main/java/org/flmdata/tokenize/bpe/UnicodeClasses.java
const { Tokenizer } = require('tokenizers');

function splitter(re) {
  const config = {
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null,
    pre_tokenizer: { type: 'Split', pattern: { Regex: re }, behavior: 'Isolated', invert: false },
    post_processor: null, decoder: null,
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null,
      end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false,
      vocab: {}, merges: [] },
  };
  return Tokenizer.fromString(JSON.stringify(config)).getPreTokenizer();
}

const code = { L: 1, N: 2, S: 3 };
const regex = { L: '\\p{L}', N: '\\p{N}', S: '\\s' };
const cls = new Uint8Array(0x110000);
for (const k of Object.keys(code)) {
  const pt = splitter(regex[k]);
  for (let lo = 0; lo < 0x110000; lo += 4096) {
    const parts = [];
    for (let cp = lo; cp < lo + 4096; cp++) if (cp < 0xD800 || cp > 0xDFFF) parts.push(String.fromCodePoint(cp));
    // '|' is in none of the classes: a piece without it is one matched code point
    for (const [piece] of pt.preTokenizeString('|' + parts.join('|') + '|')) {
      if (piece.includes('|')) continue;
      const cp = piece.codePointAt(0);
      if (cls[cp] && cls[cp] !== code[k]) throw new Error('U+' + cp.toString(16) + ' in two classes');
      cls[cp] = code[k];
    }
  }
}
const ranges = [];
let prev = -1;
for (let cp = 0; cp < 0x110000; cp++) {
  const c = cp >= 0xD800 && cp <= 0xDFFF ? 0 : cls[cp];
  if (c !== prev) {
    ranges.push(cp.toString(16) + ['', 'L', 'N', 'S'][c]);
    prev = c;
  }
}
const lines = [];
for (let i = 0; i < ranges.length; i += 14) lines.push('      + "' + ranges.slice(i, i + 14).join(' ') + ' "');
lines[0] = lines[0].replace('      + "', '      "');
const version = require('tokenizers/package.json').version;
process.stdout.write(`package org.flmdata.tokenize.bpe;

/**
 * The character classes of the pre-tokenizer regexes, {@code \\p{L}}, {@code \\p{N}} and Unicode
 * {@code \\s}, for every code point as the Hugging Face Rust library's regex engine (Oniguruma)
 * sees them, so the scanners split as the Rust library does on any JVM: Java 17's
 * {@link Character} knows Unicode 13 and would call some 9,900 newer letters and digits (CJK
 * extensions, new scripts) "other". Generated from npm {@code tokenizers} ${version} by
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
${lines.join('\n')};

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
`);
