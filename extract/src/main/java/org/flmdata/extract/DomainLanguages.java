package org.flmdata.extract;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.flmdata.pipeline.Document;

/**
 * Decides a document's language for its domain: the given language when the input has one ({@code
 * lang_field}); else, when a fastText model is configured ({@code extract.lid_model}), its most
 * probable language if at least {@code lid_min_prob}, otherwise {@link ScriptLanguageGuesser}'s
 * guess (Han-script text is always the script guess's: Kana decide zh or ja, where lid.176 calls
 * short Simplified Chinese ja); without a model, the domain's language when it lists exactly one, else the script guess. A language belongs to the domain when the domain lists it or its
 * primary subtag ({@code zh-Hans} and {@code zh_CN} belong to a {@code zh} domain, and are kept as
 * {@code zh} so statistics do not split).
 */
record DomainLanguages(List<String> languages, String lidModel, double lidMinProb)
    implements Serializable {

  /** Without a language-ID model. */
  DomainLanguages(List<String> languages) {
    this(languages, null, 0);
  }

  /** A decision: the code to keep in {@code Document.lang} and whether the domain takes it. */
  /**
   * @param score the identifier's confidence in [0, 1] (fastText's probability, or the model-free
   *     guesser's), NaN when no identifier decided (a given language, a one-language domain)
   */
  record Decision(String lang, boolean inDomain, double score) {}

  Decision decide(String given, String text) {
    String g = normalize(given);
    if (g != null) {
      String m = match(g);
      return m != null ? new Decision(m, true, Double.NaN) : new Decision(g, false, Double.NaN);
    }
    boolean model = lidModel != null && !lidModel.isBlank();
    if (!model && languages.size() == 1) {
      return new Decision(languages.get(0), true, Double.NaN);
    }
    WikiLanguageDetector.Guess script = ScriptLanguageGuesser.guessWithConfidence(text);
    String guess = script.lang();
    double score = script.confidence();
    // Han text is told by its Kana share: lid.176 calls short Simplified Chinese "ja"
    if (model && !guess.equals("zh") && !guess.equals("ja")) {
      FastTextLid.Prediction p = FastTextLid.of(lidModel).predict(text);
      if (p != null && p.prob() >= lidMinProb) {
        guess = p.lang();
        score = p.prob();
      }
    }
    String m = match(guess);
    return m != null ? new Decision(m, true, score) : new Decision(guess, false, score);
  }

  /** Lower case, '_' as '-', trimmed; null when blank. */
  static String normalize(String lang) {
    if (lang == null) return null;
    String l = lang.trim().replace('_', '-').toLowerCase(Locale.ROOT);
    return l.isEmpty() ? null : l;
  }

  private String match(String lang) {
    if (lang.equals(Document.UNKNOWN_LANG)) return null;
    for (String l : languages) {
      if (l.equalsIgnoreCase(lang)) return l;
    }
    int dash = lang.indexOf('-');
    if (dash > 0) {
      String primary = lang.substring(0, dash);
      for (String l : languages) {
        if (l.equalsIgnoreCase(primary)) return l;
      }
    }
    return null;
  }
}
