package org.flmdata.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QA pair rules: a document is a question followed by its answer, the answer starting at the first
 * line that begins with an answer marker ("A:", "Answer:", "答：", "回答：", case-insensitive).
 * Leftover HTML tags are removed first. The pair is dropped when the answer is only links
 * (qa/link-only-answer) or has fewer than {@link #MIN_ANSWER_CHARS} characters besides spacing
 * and punctuation (qa/short-answer). A document without an answer marker is kept unjudged.
 */
public final class QaRules {
  private QaRules() {}

  /** Project choice: "Yes", "No", "42" carry no information for pre-training. */
  static final int MIN_ANSWER_CHARS = 5;

  private static final Pattern MARKER =
      Pattern.compile("(?im)^\\s*(?:a|answer|答|回答|答案)\\s*[:：]\\s*");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]{0,200}>");
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");

  public static RuleResult apply(String text) {
    String t = text.indexOf('<') >= 0 ? TAG.matcher(text).replaceAll("") : text;
    Matcher m = MARKER.matcher(t);
    if (!m.find()) return RuleResult.modified(text, t);
    String answer = t.substring(m.end());
    boolean hasLink = URL.matcher(answer).find();
    int info = informative(URL.matcher(answer).replaceAll(""));
    if (hasLink && info < MIN_ANSWER_CHARS) return RuleResult.drop(CleanReason.QA_LINK_ONLY, "");
    if (info < MIN_ANSWER_CHARS) return RuleResult.drop(CleanReason.QA_SHORT_ANSWER, info, MIN_ANSWER_CHARS);
    return RuleResult.modified(text, t);
  }

  static int informative(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (Character.isLetterOrDigit(s.charAt(i))) n++;
    return n;
  }
}
