package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences between two runs' stats.json, per stage, domain and figure: documents in and
 * kept, and documents removed by each rule, so a threshold change shows up as the numbers it
 * moved. Figures equal in both runs are left out; a stage's changed config hash is listed first.
 */
public final class RunComparison {
  private RunComparison() {}

  /**
   * One difference.
   *
   * @param what {@code config}, {@code docs_in}, {@code docs_kept}, {@code bytes_kept} or a
   *     rejection key {@code rule/reason}
   */
  public record Diff(String stage, String domain, String what, String other, String current) {
    /** Current minus other, when both are numbers. */
    public Long delta() {
      try {
        return Long.parseLong(current) - Long.parseLong(other);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** A line such as {@code clean  WebText  gopher-quality/too-short  120 -> 95 (-25)}. */
    public String line() {
      Long d = delta();
      return String.format(Locale.ROOT, "%-9s %-18s %-36s %s -> %s%s", stage, domain, what,
          other, current, d == null ? "" : String.format(Locale.ROOT, " (%+d)", d));
    }
  }

  /** Differences of {@code current} against {@code other}, in stage order, then domain. */
  public static List<Diff> of(JsonNode current, JsonNode other) {
    Map<String, JsonNode> a = stages(current);
    Map<String, JsonNode> b = stages(other);
    List<String> order = new ArrayList<>(a.keySet());
    for (String s : b.keySet()) if (!order.contains(s)) order.add(s);
    List<Diff> out = new ArrayList<>();
    for (String stage : order) {
      JsonNode sa = a.get(stage);
      JsonNode sb = b.get(stage);
      String ha = sa == null ? "(not run)" : sa.path("config_hash").asText("");
      String hb = sb == null ? "(not run)" : sb.path("config_hash").asText("");
      if (!ha.equals(hb)) out.add(new Diff(stage, "*", "config", hb, ha));
      Map<String, Map<String, Long>> fa = byDomain(sa);
      Map<String, Map<String, Long>> fb = byDomain(sb);
      TreeSet<String> domains = new TreeSet<>(fa.keySet());
      domains.addAll(fb.keySet());
      for (String d : domains) {
        Map<String, Long> x = fa.getOrDefault(d, Map.of());
        Map<String, Long> y = fb.getOrDefault(d, Map.of());
        TreeSet<String> keys = new TreeSet<>(RejectionOrder.INSTANCE);
        keys.addAll(x.keySet());
        keys.addAll(y.keySet());
        for (String k : keys) {
          long vx = x.getOrDefault(k, 0L);
          long vy = y.getOrDefault(k, 0L);
          if (vx != vy) out.add(new Diff(stage, d, k, Long.toString(vy), Long.toString(vx)));
        }
      }
    }
    return out;
  }

  /** Totals first (docs_in, docs_kept, bytes_kept), then rejection keys alphabetically. */
  private enum RejectionOrder implements java.util.Comparator<String> {
    INSTANCE;

    private static final List<String> FIRST = List.of("docs_in", "docs_kept", "bytes_kept");

    @Override
    public int compare(String p, String q) {
      int ip = FIRST.indexOf(p);
      int iq = FIRST.indexOf(q);
      if (ip >= 0 || iq >= 0) {
        return Integer.compare(ip < 0 ? FIRST.size() : ip, iq < 0 ? FIRST.size() : iq);
      }
      return p.compareTo(q);
    }
  }

  private static Map<String, JsonNode> stages(JsonNode root) {
    Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
    for (JsonNode s : root.path("stages")) m.put(s.path("name").asText(), s);
    return m;
  }

  /** Per domain (languages summed): docs_in, docs_kept, bytes_kept and each rejection key. */
  private static Map<String, Map<String, Long>> byDomain(JsonNode stage) {
    Map<String, Map<String, Long>> m = new TreeMap<>();
    if (stage == null) return m;
    for (JsonNode r : stage.path("rows")) {
      Map<String, Long> f = m.computeIfAbsent(r.path("domain").asText(), k -> new TreeMap<>());
      f.merge("docs_in", r.path("docs_in").asLong(), Long::sum);
      f.merge("docs_kept", r.path("docs_kept").asLong(), Long::sum);
      f.merge("bytes_kept", r.path("bytes_kept").asLong(), Long::sum);
      for (Iterator<Map.Entry<String, JsonNode>> it = r.path("rejected").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        f.merge(e.getKey(), e.getValue().asLong(), Long::sum);
      }
    }
    return m;
  }
}
