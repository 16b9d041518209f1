package org.flmdata.mix;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation and test data per domain, held out before the mixture is planned or sampled, so no
 * held-out document is ever repeated into the training shards. Per domain, documents are ordered
 * by a seeded hash of their id (the run's {@code seed}, salted, so the held-out set does not move
 * when {@code mix.seed} changes); the first ones are validation, the next ones test:
 * {@code ceil(valid_share x documents)} and {@code ceil(test_share x documents)} documents, or
 * {@code valid_tokens} / {@code test_tokens} tokens (EOD included, to the nearest document). The
 * cut is exact and found with {@link Cuts} (two small histograms, no document on the driver).
 *
 * <p>Near-duplicates: the dedup stage keeps exactly one document per duplicate cluster (exact and
 * MinHash), whose id names the cluster in the other members' reject detail; every other member is
 * rejected there and never reaches mix. So a held-out survivor takes its whole cluster out of
 * training. Domains with proportion 0 have no training data and hold nothing out.
 */
final class HeldOut {
  private static final Logger LOG = LoggerFactory.getLogger(HeldOut.class);

  static final String VALID = "valid";
  static final String TEST = "test";

  /** Mixed into the run seed: the held-out order is independent of other seeded decisions. */
  private static final long SALT = 0x68656c645f6f7574L; // "held_out"

  private HeldOut() {}

  static long seed(PipelineConfig config) {
    return seed(config.seed());
  }

  static long seed(long runSeed) {
    return runSeed ^ SALT;
  }

  /** Whether {@code mix} holds anything out. */
  static boolean active(Settings mix) {
    return PipelineSettings.holdsOut(mix);
  }

  static boolean byTokens(Settings mix) {
    return mix.get(PipelineSettings.MIX_VALID_TOKENS) > 0
        || mix.get(PipelineSettings.MIX_TEST_TOKENS) > 0;
  }

  /** Units held out in one domain: validation, and validation plus test. */
  record Need(long valid, long validAndTest) {}

  /**
   * What each domain holds out, in documents (shares) or tokens (EOD included), from the
   * documents or tokens it has. A domain left with no training document is a {@link
   * ConfigException} naming the domain and the key to lower.
   *
   * @param available domain -> documents (shares) or tokens (token counts)
   */
  static Map<String, Need> needs(PipelineConfig config, Map<String, Long> available) {
    Settings mix = config.mix();
    boolean tokens = byTokens(mix);
    Map<String, Need> out = new TreeMap<>();
    for (DomainConfig d : config.domains()) {
      Long units = available.get(d.name());
      if (units == null || units == 0 || d.proportion() <= 0) continue;
      long valid;
      long test;
      if (tokens) {
        valid = mix.get(PipelineSettings.MIX_VALID_TOKENS);
        test = mix.get(PipelineSettings.MIX_TEST_TOKENS);
      } else {
        valid = (long) Math.ceil(mix.get(PipelineSettings.MIX_VALID_SHARE) * units);
        test = (long) Math.ceil(mix.get(PipelineSettings.MIX_TEST_SHARE) * units);
      }
      if (valid + test >= units) {
        String what = tokens ? "valid_tokens " + valid + " + test_tokens " + test
            : "valid_share " + mix.get(PipelineSettings.MIX_VALID_SHARE) + " + test_share "
                + mix.get(PipelineSettings.MIX_TEST_SHARE) + " (" + valid + " + " + test
                + " documents)";
        throw ConfigException.at(config.file(), "mix." + (tokens ? "valid_tokens" : "valid_share"),
            what + " hold out all " + units + (tokens ? " tokens" : " documents")
                + " of domain " + d.name() + ", leaving it no training document; lower them"
                + " (or set the domain's proportion to 0)");
      }
      out.put(d.name(), new Need(valid, valid + test));
    }
    return out;
  }

  /**
   * {@code counted} (persisted) with {@link Counted#getSplit()} set on the held-out documents.
   * Both cuts in one pass of two small histograms: every row is seen under the key {@code
   * domain\nvalid} (the validation cut) and {@code domain\nheld} (validation and test).
   */
  static Dataset<Counted> assign(StageContext ctx, Dataset<Counted> counted) {
    PipelineConfig config = ctx.config();
    Column domain = coalesce(col("domain"), lit(""));
    Column units = byTokens(config.mix()) ? col("tokens").plus(lit(1L)) : lit(1L);
    Dataset<Row> rows = counted.toDF()
        .select(functions.explode(functions.array(concat(domain, lit(VALID_KEY)),
            concat(domain, lit(HELD_KEY)))).as("key"), col("heldHash").as("hash"), col("id"),
            units.as("units"));
    Map<String, Need> needs = new TreeMap<>();
    Map<String, FractionalCut> cuts = Cuts.find(ctx, rows, totals -> {
      Map<String, Long> available = new TreeMap<>();
      totals.forEach((k, v) -> {
        if (k.endsWith(VALID_KEY)) available.put(k.substring(0, k.length() - VALID_KEY.length()), v);
      });
      needs.putAll(needs(config, available));
      Map<String, Double> need = new TreeMap<>();
      needs.forEach((d, n) -> {
        if (n.valid() > 0) need.put(d + VALID_KEY, (double) n.valid());
        if (n.validAndTest() > n.valid()) need.put(d + HELD_KEY, (double) n.validAndTest());
      });
      return need;
    }, "mix: held-out cut");
    LOG.info("mix: held out per domain (validation, validation + test {}): {}",
        byTokens(config.mix()) ? "tokens" : "documents", needs);
    // a map over the persisted counts: no second pass of the tokenizer, no second cache
    return counted.map(new Assign(cuts), Counted.ENCODER);
  }

  private static final String VALID_KEY = "\n" + VALID;
  private static final String HELD_KEY = "\nheld";

  /** Per document: validation when the first cut takes it, else test when the second does. */
  static final class Assign implements MapFunction<Counted, Counted>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, FractionalCut> cuts;

    /** @param cuts by {@code domain\nvalid} and {@code domain\nheld} */
    Assign(Map<String, FractionalCut> cuts) {
      this.cuts = new LinkedHashMap<>(cuts);
    }

    @Override
    public Counted call(Counted c) {
      c.setSplit(split(c.getDomain() == null ? "" : c.getDomain(), c.getHeldHash(), c.getId()));
      return c;
    }

    String split(String domain, long hash, String id) {
      FractionalCut v = cuts.get(domain + VALID_KEY);
      if (v != null && v.takes(hash, id)) return VALID;
      FractionalCut t = cuts.get(domain + HELD_KEY);
      if (t != null && t.takes(hash, id)) return TEST;
      return null;
    }
  }
}
