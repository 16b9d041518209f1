package org.flmdata.jobs.sample;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills placeholders in a template line: {@code {name}} takes a random line of section {@code
 * slot.name}, {@code {name:lo-hi}} a random whole number in [lo, hi]. Bound names (a book's
 * characters) always get the same value.
 */
final class Filler {
  private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)(?::(\\d+)-(\\d+))?}");

  private final TextPools pools;
  private final Random rnd;
  private final Map<String, String> bound;

  Filler(TextPools pools, Random rnd) {
    this(pools, rnd, Map.of());
  }

  Filler(TextPools pools, Random rnd, Map<String, String> bound) {
    this.pools = pools;
    this.rnd = rnd;
    this.bound = Map.copyOf(bound);
  }

  String fill(String template) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 16);
    while (m.find()) {
      String value;
      if (m.group(2) != null) {
        int lo = Integer.parseInt(m.group(2));
        int hi = Integer.parseInt(m.group(3));
        value = Integer.toString(lo + rnd.nextInt(hi - lo + 1));
      } else if (bound.containsKey(m.group(1))) {
        value = bound.get(m.group(1));
      } else {
        List<String> values = pools.get("slot." + m.group(1));
        value = values.get(rnd.nextInt(values.size()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
