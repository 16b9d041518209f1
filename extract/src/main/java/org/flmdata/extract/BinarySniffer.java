package org.flmdata.extract;

/**
 * Tells text from binary junk in a file that should hold text or HTML (a PDF or image named {@code
 * .html}, a database dump named {@code .txt}). Looks at the first {@value #SAMPLE} bytes: a known
 * binary signature, any NUL byte, or more than {@value #MAX_CONTROL_SHARE} control bytes (other
 * than tab, LF, CR, FF, ESC) make it binary. A UTF-16 byte order mark makes it text, since UTF-16
 * is full of NULs. Pure; never throws.
 */
final class BinarySniffer {
  private BinarySniffer() {}

  static final int SAMPLE = 8192;
  static final double MAX_CONTROL_SHARE = 0.1;

  private static final Object[][] SIGNATURES = {
    {"%PDF-", "PDF document"},
    {new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "PNG image"},
    {"GIF8", "GIF image"},
    {new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "JPEG image"},
    {new byte[] {'P', 'K', 3, 4}, "ZIP archive"},
    {new byte[] {0x1f, (byte) 0x8b}, "gzip data"},
    {new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}, "xz data"},
    {new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF}, "7z archive"},
    {"Rar!", "RAR archive"},
    {new byte[] {0x7f, 'E', 'L', 'F'}, "ELF executable"},
    {new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "OLE2 document"},
    {new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}, "zstd data"},
    {"BZh", "bzip2 data"},
  };

  /** Null when {@code bytes[0, length)} looks like text, else what it looks like. */
  static String sniff(byte[] bytes, int length) {
    int n = Math.min(length, SAMPLE);
    if (n >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return null;
    }
    String sig = signature(bytes, n);
    if (sig != null) return sig;
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) return "NUL byte at offset " + i;
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b)
          || b == 0x7f) {
        control++;
      }
    }
    if (n > 0 && control > MAX_CONTROL_SHARE * n) {
      return control + " control bytes in the first " + n;
    }
    return null;
  }

  /**
   * The known binary format {@code bytes[0, length)} starts with ("PDF document signature"), or
   * null. Only the first bytes are needed: line readers ask it before splitting a file into lines.
   */
  static String signature(byte[] bytes, int length) {
    for (Object[] sig : SIGNATURES) {
      byte[] magic =
          sig[0] instanceof String s
              ? s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)
              : (byte[]) sig[0];
      if (startsWith(bytes, length, magic)) return (String) sig[1] + " signature";
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, int n, byte[] magic) {
    if (n < magic.length) return false;
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) return false;
    }
    return true;
  }
}
