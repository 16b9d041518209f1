package org.flmdata.pipeline.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The sketches of one domain's documents: a KLL quantile sketch per numeric metric (length in
 * characters, and each numeric meta value a stage declares), HLL distinct counts of URLs, hosts
 * and paragraphs, and a frequent-items sketch of hosts. Built per partition, merged across
 * partitions as bytes; only these few kilobytes per domain reach the driver, never the values.
 *
 * <p>Sizes: KLL k=200 (normalised rank error ~1.3%), HLL lgK=12 (~1.6% relative error), frequent
 * items with a 1,024-slot map (hosts with a share above ~0.35% are never missed).
 */
final class DomainSketches {
  static final int KLL_K = 200;
  static final int HLL_LG_K = 12;
  static final int ITEMS_MAP = 1024;
  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  /** Distinct-count families. */
  enum Distinct {
    URLS, HOSTS, PARAGRAPHS
  }

  final TreeMap<String, KllDoublesSketch> quantiles = new TreeMap<>();
  final HllSketch[] distinct = new HllSketch[Distinct.values().length];
  ItemsSketch<String> hosts = new ItemsSketch<>(ITEMS_MAP);

  DomainSketches() {
    for (int i = 0; i < distinct.length; i++) distinct[i] = new HllSketch(HLL_LG_K);
  }

  /** Adds one value of {@code metric}; NaN and infinities are ignored. */
  void add(String metric, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return;
    quantiles.computeIfAbsent(metric, k -> KllDoublesSketch.newHeapInstance(KLL_K)).update(v);
  }

  /** Adds a document's URL (its host counted too) and paragraphs. */
  void addDocument(String url, String text) {
    if (url != null && !url.isEmpty()) {
      distinct[Distinct.URLS.ordinal()].update(url);
      String host = host(url);
      if (host != null) {
        distinct[Distinct.HOSTS.ordinal()].update(host);
        hosts.update(host);
      }
    }
    if (text != null) {
      int start = 0;
      int n = text.length();
      while (start < n) {
        int end = text.indexOf('\n', start);
        if (end < 0) end = n;
        if (end - start > 0 && !text.substring(start, end).isBlank()) {
          distinct[Distinct.PARAGRAPHS.ordinal()].update(text.substring(start, end).strip());
        }
        start = end + 1;
      }
    }
  }

  /** The lower-cased host of an absolute URL without port or user info; null when none. */
  static String host(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) return null;
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) authority = authority.substring(at + 1);
    if (!authority.startsWith("[")) {
      int colon = authority.indexOf(':');
      if (colon >= 0) authority = authority.substring(0, colon);
    }
    return authority.isEmpty() ? null : authority.toLowerCase(Locale.ROOT);
  }

  void merge(DomainSketches o) {
    o.quantiles.forEach((k, s) -> quantiles.computeIfAbsent(k,
        x -> KllDoublesSketch.newHeapInstance(KLL_K)).merge(s));
    for (int i = 0; i < distinct.length; i++) {
      Union u = new Union(HLL_LG_K);
      u.update(distinct[i]);
      u.update(o.distinct[i]);
      distinct[i] = u.getResult();
    }
    hosts.merge(o.hosts);
  }

  byte[] toBytes() {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bos);
      out.writeInt(quantiles.size());
      for (Map.Entry<String, KllDoublesSketch> e : quantiles.entrySet()) {
        out.writeUTF(e.getKey());
        writeBytes(out, e.getValue().toByteArray());
      }
      for (HllSketch h : distinct) writeBytes(out, h.toCompactByteArray());
      writeBytes(out, hosts.toByteArray(SERDE));
      out.flush();
      return bos.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DomainSketches fromBytes(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      DomainSketches s = new DomainSketches();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String k = in.readUTF();
        s.quantiles.put(k, KllDoublesSketch.heapify(Memory.wrap(readBytes(in))));
      }
      for (int i = 0; i < s.distinct.length; i++) s.distinct[i] = HllSketch.heapify(readBytes(in));
      s.hosts = ItemsSketch.getInstance(Memory.wrap(readBytes(in)), SERDE);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] mergeBytes(byte[] a, byte[] b) {
    DomainSketches s = fromBytes(a);
    s.merge(fromBytes(b));
    return s.toBytes();
  }

  /** The {@code limit} most frequent hosts with their estimated document counts. */
  List<Map.Entry<String, Long>> topHosts(int limit) {
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    for (ItemsSketch.Row<String> r : hosts.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
      if (out.size() == limit) break;
      out.add(Map.entry(r.getItem(), r.getEstimate()));
    }
    return out;
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
