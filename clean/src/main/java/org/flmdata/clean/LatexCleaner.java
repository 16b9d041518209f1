package org.flmdata.clean;

import java.util.regex.Pattern;

/**
 * AcademicPaper (LaTeX source) cleaner: drops the preamble (everything before
 * \begin{document}) and everything from \end{document}; removes comments (an unescaped % to the
 * end of the line; a line that was only a comment goes entirely), comment environments and
 * \iffalse ... \fi blocks; removes the bibliography (thebibliography environment,
 * \bibliography{...}, \bibliographystyle{...}, \printbibliography). Source without
 * \begin{document} (an \input-ed section) is cleaned the same way without the preamble cut.
 */
public final class LatexCleaner {
  private LatexCleaner() {}

  private static final Pattern COMMENT_ENV =
      Pattern.compile("(?s)\\\\begin\\{comment}.*?\\\\end\\{comment}");
  private static final Pattern IF_TOKEN = Pattern.compile("\\\\(if[a-zA-Z@]*|else|fi)(?![a-zA-Z@])");
  private static final Pattern THEBIB =
      Pattern.compile("(?s)\\\\begin\\{thebibliography}.*?\\\\end\\{thebibliography}");
  private static final Pattern BIBCMD = Pattern.compile(
      "\\\\(?:bibliography|bibliographystyle|addbibresource)\\{[^}]*}(?:\\{})?|\\\\printbibliography(?:\\[[^]]*])?");
  private static final Pattern BLANKS = Pattern.compile("\\n{3,}");

  public static RuleResult apply(String text) {
    String t = stripComments(text);
    int begin = t.indexOf("\\begin{document}");
    if (begin >= 0) t = t.substring(begin + "\\begin{document}".length());
    int end = t.indexOf("\\end{document}");
    if (end >= 0) t = t.substring(0, end);
    t = COMMENT_ENV.matcher(t).replaceAll("");
    if (t.contains("\\iffalse")) t = dropIffalse(t);
    t = THEBIB.matcher(t).replaceAll("");
    t = BIBCMD.matcher(t).replaceAll("");
    t = BLANKS.matcher(t).replaceAll("\n\n").strip();
    if (t.isEmpty()) return RuleResult.drop(CleanReason.CLEANED_EMPTY, "latex");
    return RuleResult.modified(text, t);
  }

  /**
   * Removes each \\iffalse branch up to its \\else or \\fi, counting nested \\if...\\fi; the
   * \\else branch stays. An \\iffalse never closed is left as it is (removing the rest of a paper
   * for one stray conditional would be worse).
   */
  static String dropIffalse(String t) {
    StringBuilder out = new StringBuilder(t.length());
    var m = IF_TOKEN.matcher(t);
    int pos = 0;
    int openedAt = -1;
    int depth = 0; // > 0: inside an \iffalse (or inside its kept \else at depth < 0)
    boolean skipping = false;
    int elseDepth = 0;
    while (m.find()) {
      String tok = m.group(1);
      if (!skipping && depth == 0 && elseDepth == 0) {
        if (tok.equals("iffalse")) {
          out.append(t, pos, m.start());
          openedAt = m.start();
          skipping = true;
          depth = 1;
          pos = m.end();
        }
        continue;
      }
      if (skipping) {
        if (tok.startsWith("if")) {
          depth++;
        } else if (tok.equals("fi")) {
          depth--;
          if (depth == 0) {
            skipping = false;
            pos = m.end();
          }
        } else if (tok.equals("else") && depth == 1) {
          skipping = false;
          elseDepth = 1;
          pos = m.end();
        }
      } else {
        // inside the kept \else branch of an \iffalse: its \fi is dropped
        if (tok.startsWith("if")) {
          elseDepth++;
        } else if (tok.equals("fi")) {
          elseDepth--;
          if (elseDepth == 0) {
            out.append(t, pos, m.start());
            pos = m.end();
            depth = 0;
          }
        }
      }
    }
    out.append(t, skipping ? openedAt : pos, t.length());
    return out.toString();
  }

  /** Removes % comments; keeps \%; a line that held only a comment is removed with its newline. */
  static String stripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : Words.splitLines(text)) {
      int cut = -1;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\\') {
          i++; // skip the escaped character (\% and \\)
        } else if (c == '%') {
          cut = i;
          break;
        }
      }
      if (cut >= 0) {
        String kept = line.substring(0, cut);
        if (kept.isBlank()) continue;
        line = kept.stripTrailing();
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
