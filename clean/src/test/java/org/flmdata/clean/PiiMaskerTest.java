package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.flmdata.clean.PiiMasker.Type;
import org.junit.jupiter.api.Test;

class PiiMaskerTest {

  /** Appends the GB 11643 check character to 17 digits. */
  static String chineseId(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    String check = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * w[i];
    return first17 + check.charAt(sum % 11);
  }

  /**
   * Appends the Luhn (ISO/IEC 7812-1) check digit, computed here, not by the code under test:
   * from the rightmost digit of the body leftwards, every other digit doubled (minus 9 past 9),
   * and the check digit brings the sum to a multiple of ten.
   */
  static String luhn(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return body + (10 - sum % 10) % 10;
  }

  @Test
  void theTestsLuhnDigitMatchesPublishedTestCardNumbers() {
    // the card networks' published test numbers
    assertEquals("4111111111111111", luhn("411111111111111"));
    assertEquals("5555555555554444", luhn("555555555555444"));
    assertEquals("378282246310005", luhn("37828224631000"));
  }

  @Test
  void textWithoutPiiIsUntouched() {
    String t = "Version 1.2.3 shipped on 2024-05-01 with 3,456 fixes; see std::vector and 10:30.";
    PiiMasker.Result r = PiiMasker.mask(t);
    assertEquals(t, r.text());
    assertEquals(0, r.total());
  }

  @Test
  void emailsAreMasked() {
    PiiMasker.Result r = PiiMasker.mask("Write to jane.doe+news@example.co.uk or x@y.org.");
    assertEquals("Write to <EMAIL> or <EMAIL>.", r.text());
    assertEquals(Map.of(Type.EMAIL, 2), r.counts());
  }

  @Test
  void chineseResidentIdNeedsAValidCheckCharacter() {
    String id = chineseId("11010519491231002");
    PiiMasker.Result r = PiiMasker.mask("身份证号" + id + "。");
    assertEquals("身份证号<ID_NUMBER>。", r.text());
    char wrong = id.charAt(17) == '1' ? '2' : '1';
    String bad = id.substring(0, 17) + wrong;
    assertFalse(PiiMasker.validChineseId(bad));
    assertEquals(0, PiiMasker.mask("编号" + bad + "。").counts().getOrDefault(Type.ID_CN, 0));
  }

  @Test
  void creditCardsNeedLuhn() {
    String card = luhn("411111111111111");
    assertTrue(PiiMasker.validCard(card));
    PiiMasker.Result r = PiiMasker.mask("card " + card.substring(0, 4) + " " + card.substring(4, 8)
        + " " + card.substring(8, 12) + " " + card.substring(12) + " ok");
    assertEquals("card <CREDIT_CARD> ok", r.text());
    // every other last digit fails Luhn and is left alone
    for (int d = 0; d <= 9; d++) {
      String other = card.substring(0, 15) + d;
      if (other.equals(card)) continue;
      assertFalse(PiiMasker.validCard(other), other);
      assertEquals(0, PiiMasker.mask("order " + other).counts().getOrDefault(Type.CREDIT_CARD, 0));
    }
    String amex = luhn("37828224631000");
    assertEquals("pay <CREDIT_CARD> now", PiiMasker.mask("pay " + amex + " now").text());
  }

  @Test
  void chineseMobileAndInternationalPhonesAreMasked() {
    PiiMasker.Result r = PiiMasker.mask("电话 13812345678，或 +86 139-1234-5678，UK +44 20 7946 0958.");
    assertEquals("电话 <PHONE>，或 <PHONE>，UK <PHONE>.", r.text());
    assertEquals(3, r.counts().get(Type.PHONE));
  }

  @Test
  void ipAddressesAreMaskedButVersionsAreNot() {
    PiiMasker.Result r = PiiMasker.mask(
        "from 192.168.1.20 and 2001:db8:85a3::8a2e:370:7334 and fe80::1:2, not 1.2.3 or 999.1.1.1");
    assertEquals("from <IP_ADDRESS> and <IP_ADDRESS> and <IP_ADDRESS>, not 1.2.3 or 999.1.1.1",
        r.text());
    assertEquals(3, r.counts().get(Type.IP));
  }

  @Test
  void nullAndEmptyNeverThrow() {
    assertEquals("", PiiMasker.mask(null).text());
    assertEquals("", PiiMasker.mask("").text());
  }

  @Test
  void theDotCountGatesNoTextTheIpv4PatternMatches() {
    java.util.regex.Pattern ipv4 = java.util.regex.Pattern.compile(
        "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]\\d)");
    java.util.Random r = new java.util.Random(18);
    String alphabet = "0123456789.....a -+()xX";
    int matched = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(24);
      for (int k = 0; k < len; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String t = sb.toString();
      if (ipv4.matcher(t).find()) {
        matched++;
        assertTrue(PiiMasker.digitRuns(t)[1] >= 3, t);
      }
    }
    assertTrue(matched > 100, "only " + matched + " strings with an address");
  }
}
