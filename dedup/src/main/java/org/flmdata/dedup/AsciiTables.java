package org.flmdata.dedup;

/**
 * ASCII answers of the {@link Character} methods that the exact key and the shingler ask of every
 * code point, as table lookups for the common case (most web text is ASCII); built from the same
 * methods, so both paths give the same keys ({@code ExactKeyTest}, {@code ShinglerTest}).
 */
final class AsciiTables {
  /** {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}. */
  static final boolean[] SPACE = new boolean[128];
  /** {@code Character.toLowerCase(c)}. */
  static final char[] LOWER = new char[128];

  static {
    for (int c = 0; c < 128; c++) {
      SPACE[c] = Character.isWhitespace(c) || Character.isSpaceChar(c);
      LOWER[c] = (char) Character.toLowerCase(c);
    }
  }

  private AsciiTables() {}
}
