package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;

class LatexCleanerTest {

  @Test
  void preambleCommentsAndBibliographyGo() {
    String tex = "\\documentclass{article}\n\\usepackage{x}\n\\begin{document}\n"
        + "% a comment line\nWe show 50\\% gains. % inline note\n\\begin{comment}\nhidden\n"
        + "\\end{comment}\n\\iffalse old text \\fi\n\\bibliographystyle{plain}\n"
        + "\\bibliography{refs}\n\\end{document}\nafter";
    assertEquals("We show 50\\% gains.", LatexCleaner.apply(tex).text());
  }

  @Test
  void aSectionWithoutDocumentEnvironmentIsKept() {
    String tex = "\\section{Intro}\nText.";
    assertEquals(tex, LatexCleaner.apply(tex).text());
  }

  @Test
  void onlyAPreambleIsEmpty() {
    assertEquals(CleanReason.CLEANED_EMPTY,
        LatexCleaner.apply("\\documentclass{article}\n\\begin{document}\n\\end{document}").drop());
  }

  /** arxiv-latex-cleaner's own test input: its comments and iffalse blocks go as theirs do. */
  @Test
  void arxivLatexCleanerFixtureLosesItsComments() throws IOException {
    Path in = SharedData.require("data/text/latex/arxiv-latex-cleaner-input-main.tex");
    String out = LatexCleaner.apply(Files.readString(in)).text();
    assertFalse(out.contains("Whole line comment"));
    assertFalse(out.contains("Inline comment"));
    assertFalse(out.contains("This is an environment comment."));
    assertFalse(out.contains("I shall be gone (iffalse block)!"));
    assertTrue(out.contains("Expect me (else block of iffalse)!"));
    // "\end{document}" inside a comment does not end the document
    assertTrue(out.contains("\\includegraphics{ext_tikz/test1.pdf}") || out.contains("tikz"));
  }

  @Test
  void realPapersKeepTheirBodyOnly() throws IOException {
    for (String name : new String[] {"mallam-arxiv2401.14680.tex",
        "malaysian-mistral-arxiv2401.13565.tex"}) {
      String raw = Files.readString(SharedData.require("data/text/latex/" + name));
      String out = LatexCleaner.apply(raw).text();
      assertFalse(out.contains("\\documentclass"), name);
      assertFalse(out.contains("\\usepackage"), name);
      assertFalse(out.contains("\\bibliography"), name);
      for (String line : out.split("\n")) assertFalse(line.strip().startsWith("%"), line);
      assertTrue(out.contains("\\begin{abstract}") || out.contains("\\section"), name);
      System.out.printf("%s: %d -> %d chars%n", name, raw.length(), out.length());
    }
  }
}
