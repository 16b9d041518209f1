package org.flmdata.clean;

import static org.flmdata.clean.CleanSettings.*;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.config.Settings;

/**
 * The per-document work of the clean stage for one domain, in two phases around the corpus-wide
 * paragraph dedup: {@link #before} normalises, runs the domain cleaners and masks PII; {@link
 * #after} runs the heuristic rule sets. Plain Java, serializable, never throws on any text.
 *
 * <p>Characters removed by rules that modify text are written to the document's meta as {@code
 * clean.removed.<rule>} and PII replacements as {@code clean.pii.<type>} (only when non-zero), so
 * they are counted from written output like every other figure; see {@link org.flmdata.pipeline.ledger.MetaCounters} and the "counters" of stats.json.
 */
public final class DocumentCleaner implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String REMOVED = MetaKeys.CLEAN_REMOVED_PREFIX;
  public static final String PII_PREFIX = MetaKeys.CLEAN_PII_PREFIX;

  private final Profile latin;
  private final Profile otherLatin;
  private final Profile zh;
  private final Set<String> zhLanguages;
  private final List<String> rules;
  private final List<String> cleaners;
  private final boolean nfkc;
  private final double maxReplacement;
  private final boolean pii;

  public DocumentCleaner(Settings s) {
    this.latin = Profile.of(s);
    // Gopher's stop-word rule is for English: with its English list, text in the other spaced
    // languages (de, fr, ... in WorldKnowledge) has no stop words by construction
    this.otherLatin = s.get(CleanSettings.STOP_WORDS).equals(CleanSettings.STOP_WORDS.defaultValue())
        ? Profile.of(s.with(CleanSettings.MIN_STOP_WORDS, 0)) : latin;
    this.zh = Profile.zh(s);
    this.zhLanguages = Set.copyOf(s.get(CJK_LANGUAGES));
    this.rules = List.copyOf(s.get(RULES));
    this.cleaners = List.copyOf(s.get(DOMAIN_CLEANERS));
    this.nfkc = "nfkc".equals(s.get(NORMALIZATION));
    this.maxReplacement = s.get(MAX_REPLACEMENT_CHAR_FRAC);
    this.pii = s.get(PII);
  }

  public boolean isZh(String lang) {
    return lang != null && zhLanguages.contains(lang);
  }

  /** Normalisation, domain cleaners, PII masking. */
  public Verdict before(Document doc) {
    boolean isZh = isZh(doc.getLang());
    Document d = doc;
    RuleResult r = Normaliser.apply(doc.getText(), nfkc, isZh, maxReplacement);
    if (r.dropped()) return Verdict.drop(r.drop(), r.detail());
    d = note(d, "normalise", r);
    for (String c : cleaners) {
      r = switch (c) {
        case "wikipedia" -> WikipediaCleaner.apply(d.getText(), doc.getLang());
        case "code" -> CodeRules.apply(d.getText());
        case "book" -> BookCleaner.apply(d.getText());
        case "qa" -> QaRules.apply(d.getText());
        case "latex" -> LatexCleaner.apply(d.getText());
        default -> RuleResult.keep(d.getText());
      };
      if (r.dropped()) return Verdict.drop(r.drop(), r.detail());
      d = note(d, c, r);
    }
    if (pii) {
      PiiMasker.Result m = PiiMasker.mask(d.getText());
      if (m.total() > 0) {
        d = d.withText(m.text());
        for (Map.Entry<PiiMasker.Type, Integer> e : m.counts().entrySet()) {
          d = add(d, PII_PREFIX + e.getKey().key(), e.getValue());
        }
      }
    }
    return Verdict.keep(d);
  }

  /** The heuristic rule sets, in the configured order ({@code chinesewebtext} for zh text only). */
  public Verdict after(Document doc) {
    Profile p = isZh(doc.getLang()) ? zh
        : doc.getLang() == null || doc.getLang().equals("en") || doc.getLang().equals("und")
            ? latin : otherLatin;
    Document d = doc;
    String text = d.getText() == null ? "" : d.getText();
    if (text.isBlank()) return Verdict.drop(CleanReason.EMPTY);
    for (String rule : rules) {
      if (p.zh() && rule.equals("c4")) continue; // FineWeb-2: "we do not apply the C4 filters"
      if (!p.zh() && rule.equals("chinesewebtext")) continue;
      RuleResult r = switch (rule) {
        case "c4" -> C4Rules.apply(d.getText(), p);
        case "gopher_repetition" -> GopherRepetition.apply(d.getText(), p);
        case "gopher_quality" -> GopherQuality.apply(d.getText(), p);
        case "fineweb" -> FineWebRules.apply(d.getText(), p);
        case "chinesewebtext" -> ChineseRules.apply(d.getText(), p);
        default -> RuleResult.keep(d.getText());
      };
      if (r.dropped()) return Verdict.drop(r.drop(), r.detail());
      d = note(d, rule, r);
    }
    return Verdict.keep(d);
  }

  /** Both phases, for a document that does not take part in paragraph dedup. */
  public Verdict clean(Document doc) {
    Verdict v = before(doc);
    return v instanceof Verdict.Keep k ? after(k.doc()) : v;
  }

  private static Document note(Document d, String rule, RuleResult r) {
    if (r.text() == null || r.text().equals(d.getText())) return d;
    Document out = d.withText(r.text());
    return r.charsRemoved() > 0 ? add(out, REMOVED + rule, r.charsRemoved()) : out;
  }

  static Document add(Document d, String key, long n) {
    String prev = d.getMeta().get(key);
    long total = n + (prev == null ? 0 : parse(prev));
    return d.withMeta(key, Long.toString(total));
  }

  private static long parse(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
