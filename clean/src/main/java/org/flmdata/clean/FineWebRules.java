package org.flmdata.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * FineWeb's quality rules (datatrove FineWebQualityFilter): share of lines ending in terminal
 * punctuation (CJK full stops included), share of short lines, characters in duplicated lines,
 * newlines per word. Empty text or no words never divides by zero.
 */
public final class FineWebRules {
  private FineWebRules() {}

  public static RuleResult apply(String text, Profile p) {
    List<String> lines = Words.splitLines(text);
    int punct = 0;
    int shortLines = 0;
    for (String l : lines) {
      if (C4Rules.endsTerminal(l)) punct++;
      if (l.length() <= p.shortLineLength()) shortLines++;
    }
    double r = (double) punct / lines.size();
    if (r <= p.linePunctThr()) return RuleResult.drop(CleanReason.LINE_PUNCT, r, p.linePunctThr());
    r = (double) shortLines / lines.size();
    if (r >= p.shortLineThr()) return RuleResult.drop(CleanReason.SHORT_LINES, r, p.shortLineThr());
    List<String> nonEmpty = new ArrayList<>();
    for (String l : lines) if (!l.isBlank()) nonEmpty.add(l);
    long chars = text.length() - (lines.size() - 1); // text without its newlines
    if (chars > 0) {
      r = (double) GopherRepetition.duplicates(nonEmpty)[1] / chars;
      if (r >= p.charDupRatio()) return RuleResult.drop(CleanReason.DUP_LINE_CHARS, r, p.charDupRatio());
    }
    int words = Words.tokens(text, p).size();
    int newLines = lines.size() - 1;
    if (words > 0) {
      r = (double) newLines / words;
      if (r > p.newLineRatio()) return RuleResult.drop(CleanReason.LIST_RATIO, r, p.newLineRatio());
    }
    return RuleResult.keep(text);
  }
}
