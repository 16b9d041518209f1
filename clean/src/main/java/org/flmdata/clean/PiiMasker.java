package org.flmdata.clean;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal information with typed placeholders and counts each type: e-mail addresses,
 * Chinese resident ID numbers (18 characters, ISO 7064 MOD 11-2 check digit, plausible birth
 * date), credit-card numbers (13-19 digits passing Luhn), Chinese mobile numbers (1[3-9]x, 11
 * digits, optional +86), international phone numbers (+country code and 7-14 more digits), IPv4
 * and IPv6 addresses. Candidates failing their checksum stay as they are, so an order number is
 * not masked as a card.
 */
public final class PiiMasker {
  private PiiMasker() {}

  /** PII types, with the placeholder each is replaced by. */
  public enum Type {
    EMAIL("<EMAIL>"),
    ID_CN("<ID_NUMBER>"),
    CREDIT_CARD("<CREDIT_CARD>"),
    PHONE("<PHONE>"),
    IP("<IP_ADDRESS>");

    final String placeholder;

    Type(String placeholder) {
      this.placeholder = placeholder;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Masked text and how many of each type were replaced. */
  public record Result(String text, Map<Type, Integer> counts) {
    public int total() {
      int t = 0;
      for (int c : counts.values()) t += c;
      return t;
    }
  }

  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\w.+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
          + "[A-Za-z]{2,24}(?![\\w-])");
  private static final Pattern ID_CN = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
  private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");
  private static final Pattern MOBILE_CN =
      Pattern.compile("(?<![\\d+])(?:(?:\\+|00)86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)");
  private static final Pattern PHONE_INTL =
      Pattern.compile("(?<![\\w+])\\+[1-9]\\d{0,2}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}"
          + "(?:[ .-]?\\d{2,4}){1,4}(?!\\d)");
  private static final Pattern IPV4 = Pattern.compile(
      "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]\\d)");
  private static final Pattern IPV6 = Pattern.compile(
      "(?<![\\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?"
          + "|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4})(?![\\w:])");

  public static Result mask(String text) {
    Map<Type, Integer> counts = new EnumMap<>(Type.class);
    if (text == null || text.isEmpty()) return new Result(text == null ? "" : text, counts);
    String t = text;
    if (t.indexOf('@') >= 0) t = maskEmails(t, counts);
    int[] runs = digitRuns(t);
    // each pattern only where its least digits can occur: a scan is much cheaper than a regex pass
    if (runs[2] >= 17) t = replace(t, ID_CN, Type.ID_CN, counts, PiiMasker::validChineseId);
    if (runs[0] >= 11) { // cards have 13+ digits, Chinese mobiles 11
      t = replace(t, CARD, Type.CREDIT_CARD, counts, PiiMasker::validCard);
      t = replace(t, MOBILE_CN, Type.PHONE, counts, s -> true);
    }
    if (runs[0] >= 8 && plusDigit(t)) {
      t = replace(t, PHONE_INTL, Type.PHONE, counts, PiiMasker::plausibleIntlPhone);
    }
    if (runs[1] >= 3) t = replace(t, IPV4, Type.IP, counts, s -> true);
    if (hexColonHex(t)) t = replace(t, IPV6, Type.IP, counts, PiiMasker::plausibleIpv6);
    return new Result(t, counts);
  }

  /**
   * E-mails found from each '@': the local part is scanned back from it (at most 64 characters)
   * and the address matched there, so the cost is per '@', not per character of the text.
   */
  private static String maskEmails(String t, Map<Type, Integer> counts) {
    StringBuilder sb = null;
    int last = 0;
    Matcher m = EMAIL.matcher(t);
    int at = t.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > last && at - start < 64 && isLocal(t.charAt(start - 1))) start--;
      if (start < at) {
        m.region(start, Math.min(t.length(), at + 256));
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        if (m.lookingAt()) {
          if (sb == null) sb = new StringBuilder(t.length());
          sb.append(t, last, start).append(Type.EMAIL.placeholder);
          last = m.end();
          counts.merge(Type.EMAIL, 1, Integer::sum);
        }
      }
      at = t.indexOf('@', Math.max(at + 1, last));
    }
    if (sb == null) return t;
    return sb.append(t, last, t.length()).toString();
  }

  private static boolean isLocal(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
        || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private interface Check {
    boolean ok(String s);
  }

  private static String replace(String t, Pattern p, Type type, Map<Type, Integer> counts,
      Check check) {
    Matcher m = p.matcher(t);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      if (!check.ok(m.group())) continue;
      if (sb == null) sb = new StringBuilder(t.length());
      sb.append(t, last, m.start()).append(type.placeholder);
      last = m.end();
      counts.merge(type, 1, Integer::sum);
    }
    if (sb == null) return t;
    sb.append(t, last, t.length());
    return sb.toString();
  }

  /** A '+' right before a digit: where an international phone number can start. */
  static boolean plusDigit(String t) {
    for (int i = t.indexOf('+'); i >= 0 && i + 1 < t.length(); i = t.indexOf('+', i + 1)) {
      char c = t.charAt(i + 1);
      if (c >= '1' && c <= '9') return true;
    }
    return false;
  }

  /** A ':' with a hex digit or ':' on both sides: where an IPv6 address can be. */
  static boolean hexColonHex(String t) {
    for (int i = t.indexOf(':'); i >= 0; i = t.indexOf(':', i + 1)) {
      if (i == 0 || i + 1 >= t.length()) continue;
      char a = t.charAt(i - 1);
      char b = t.charAt(i + 1);
      if ((a == ':' || Character.digit(a, 16) >= 0 && a < 128)
          && (b == ':' || Character.digit(b, 16) >= 0 && b < 128)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {most digits in one run of digits and phone/card separators, most dots right after a digit in
   * one run of digits and dots, most digits in a run of digits only}: no PII pattern can match below 8 digits
   * (phones, IDs, cards), 3 dots (IPv4) or 17 adjacent digits (Chinese ID).
   */
  static int[] digitRuns(String t) {
    int digits = 0;
    int maxDigits = 0;
    int dots = 0;
    int maxDots = 0;
    int pure = 0;
    int maxPure = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        maxDigits = Math.max(maxDigits, digits);
        pure++;
        maxPure = Math.max(maxPure, pure);
        continue;
      }
      pure = 0;
      if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '+' || c == '.') {
        if (c == '.' && i > 0 && t.charAt(i - 1) >= '0' && t.charAt(i - 1) <= '9') {
          dots++; // a dot after a digit, as every dot of an IPv4 address is ("..." is none)
          maxDots = Math.max(maxDots, dots);
        } else {
          dots = 0;
        }
      } else if (c == 'X' || c == 'x') {
        dots = 0; // ID check character
      } else {
        digits = 0;
        dots = 0;
      }
    }
    return new int[] {maxDigits, maxDots, maxPure};
  }

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  /** GB 11643-1999: region code, a real birth date (1900..2099), MOD 11-2 check character. */
  public static boolean validChineseId(String s) {
    if (s.length() != 18) return false;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
      sum += (c - '0') * ID_WEIGHTS[i];
    }
    if (s.charAt(0) < '1' || s.charAt(0) > '9') return false;
    int year = Integer.parseInt(s.substring(6, 10));
    int month = Integer.parseInt(s.substring(10, 12));
    int day = Integer.parseInt(s.substring(12, 14));
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return false;
    return Character.toUpperCase(s.charAt(17)) == ID_CHECK[sum % 11];
  }

  /** 13-19 digits (separators ignored) passing the Luhn check, not all one digit. */
  public static boolean validCard(String s) {
    String d = s.replaceAll("[ -]", "");
    if (d.length() < 13 || d.length() > 19) return false;
    if (d.chars().distinct().count() == 1) return false;
    int sum = 0;
    boolean dbl = false;
    for (int i = d.length() - 1; i >= 0; i--) {
      int v = d.charAt(i) - '0';
      if (dbl) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  private static boolean plausibleIntlPhone(String s) {
    int digits = 0;
    for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) digits++;
    return digits >= 8 && digits <= 15;
  }

  /** Eight groups, or "::" with at least three groups: not "std::map" or a time "10:30". */
  private static boolean plausibleIpv6(String s) {
    int groups = 0;
    for (String g : s.split(":")) if (!g.isEmpty()) groups++;
    return s.contains("::") ? groups >= 3 : groups == 8;
  }
}
