package org.flmdata.tokenize.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Megatron's {@code --data-path "w1 p1 w2 p2 ..."} weights: Megatron draws samples from each
 * prefix in proportion to its weight, so a domain's share of sampled tokens is the sum of its
 * shards' weights. Each domain gets its configured proportion (renormalized over the domains that
 * have tokens), split over its shards in proportion to shard tokens.
 */
public final class Blend {
  private Blend() {}

  /** One shard: its prefix, domain and tokens. */
  public record Shard(String prefix, String domain, long tokens) {}

  /** One {@code weight prefix} pair. */
  public record Entry(double weight, String prefix) {}

  /**
   * @param proportions domain -> configured proportion (any positive scale, e.g. percent)
   */
  public static List<Entry> weights(List<Shard> shards, Map<String, Double> proportions) {
    Map<String, Long> domainTokens = new TreeMap<>();
    for (Shard s : shards) domainTokens.merge(s.domain(), s.tokens(), Long::sum);
    double total = 0;
    Map<String, Double> share = new LinkedHashMap<>();
    for (Map.Entry<String, Long> d : domainTokens.entrySet()) {
      double p = proportions.getOrDefault(d.getKey(), 0.0);
      if (d.getValue() > 0 && p > 0) {
        share.put(d.getKey(), p);
        total += p;
      }
    }
    List<Entry> out = new ArrayList<>();
    for (Shard s : shards) {
      Double p = share.get(s.domain());
      if (p == null || s.tokens() == 0) continue;
      out.add(new Entry(p / total * s.tokens() / domainTokens.get(s.domain()), s.prefix()));
    }
    return out;
  }

  /** The blend file's text: one {@code weight prefix} pair per line, as --data-path takes them. */
  public static String render(List<Entry> entries) {
    StringBuilder b = new StringBuilder();
    for (Entry e : entries) {
      b.append(weight(e.weight())).append(' ').append(e.prefix()).append('\n');
    }
    return b.toString();
  }

  /** A weight as the blend files write it (12 significant digits). */
  public static String weight(double w) {
    return String.format(Locale.ROOT, "%.12g", w);
  }
}
