package org.flmdata.dedup;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;

/**
 * Per partition: a document's {@link DocKey} (exact key, band keys, survivor-choice fields). One
 * {@link Shingler}, {@link MinHasher} and signature buffer per MinHash setting, made once per
 * partition; pure Java, never throws on any text.
 */
final class KeyMaker implements MapPartitionsFunction<Document, DocKey> {
  private static final long serialVersionUID = 1L;

  private final DedupSettings.Plan plan;

  KeyMaker(DedupSettings.Plan plan) {
    this.plan = plan;
  }

  /** The per-partition state. */
  static final class Keys {
    private final DedupSettings.Plan plan;
    private final ExactKey exact = new ExactKey();
    private final Map<MinHashParams, Signer> signers = new HashMap<>();

    Keys(DedupSettings.Plan plan) {
      this.plan = plan;
    }

    DocKey of(Document d) {
      DocKey k = new DocKey();
      k.setId(d.getId());
      k.setDomain(d.getDomain());
      k.setSource(d.getSource());
      k.setScope(plan.scope(d.getDomain(), d.getLang()));
      k.setPriority(plan.priority(d.getDomain()));
      k.setQuality(quality(d.getMeta() == null ? null : d.getMeta().get(plan.qualityKey())));
      k.setLength(Outcome.utf8Length(d.getText()));
      exact.of(d.getText());
      k.setH1(exact.h1());
      k.setH2(exact.h2());
      if (plan.near()) {
        Signer s = signers.computeIfAbsent(plan.params(d.getLang()),
            p -> new Signer(p, plan.seed()));
        long[] sig = s.sign(d.getText());
        if (sig != null) {
          k.setBands(s.hasher.bandKeys(sig));
          if (DedupSettings.VERIFY_SIGNATURE.equals(plan.verify())) k.setSig(sig.clone());
        }
      }
      return k;
    }
  }

  /** Shingler + hasher + buffer for one MinHash setting. */
  static final class Signer {
    final Shingler shingler;
    final MinHasher hasher;
    final long[] sig;

    Signer(MinHashParams p, long seed) {
      shingler = new Shingler(p.unit(), p.shingleSize());
      hasher = new MinHasher(p.bands(), p.rows(), seed);
      sig = new long[hasher.size()];
    }

    /** The signature (reused buffer), or null for a text without shingles. */
    long[] sign(String text) {
      int n = shingler.shingle(text);
      if (n == 0) return null;
      hasher.signature(shingler.hashes(), n, sig);
      return sig;
    }
  }

  /** A meta value as a quality score; missing or unparsable is the lowest score. */
  static double quality(String v) {
    if (v == null) return Double.NEGATIVE_INFINITY;
    try {
      double d = Double.parseDouble(v.trim());
      return Double.isNaN(d) ? Double.NEGATIVE_INFINITY : d;
    } catch (NumberFormatException e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  @Override
  public Iterator<DocKey> call(Iterator<Document> docs) {
    Keys keys = new Keys(plan);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public DocKey next() {
        return keys.of(docs.next());
      }
    };
  }
}
