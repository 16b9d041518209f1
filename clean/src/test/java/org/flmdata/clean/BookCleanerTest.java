package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;

class BookCleanerTest {

  @Test
  void wrappedParagraphsAreRejoinedAndHyphenationUndone() {
    String page = "It was a bright cold day in April, and the\nclocks were strik-\ning thirteen.\n\n"
        + "Winston Smith hurried home.";
    assertEquals("It was a bright cold day in April, and the clocks were striking thirteen.\n\n"
        + "Winston Smith hurried home.", BookCleaner.apply(page).text());
  }

  @Test
  void pageNumbersRunningHeadsAndGarbleGo() {
    StringBuilder sb = new StringBuilder();
    for (int p = 1; p <= 3; p++) {
      sb.append("NINETEEN EIGHTY-FOUR\n\nParagraph ").append(p).append(" of the story goes on.\n\n")
          .append("- ").append(p).append(" -\n\n");
    }
    sb.append("@#$%^&*(){}|~`<>?/\\\\\n\nThe end.");
    assertEquals("Paragraph 1 of the story goes on.\n\nParagraph 2 of the story goes on.\n\n"
        + "Paragraph 3 of the story goes on.\n\nThe end.", BookCleaner.apply(sb.toString()).text());
  }

  @Test
  void repeatedParagraphsKeepTheirFirstOccurrence() {
    assertEquals("A long paragraph.\n\nB.",
        BookCleaner.apply("A long paragraph.\n\nB.\n\nA long paragraph.").text());
  }

  @Test
  void aSingleOrdinaryParagraphPasses() {
    assertEquals("Just one line of prose.", BookCleaner.apply("Just one line of prose.").text());
  }

  /** Real Gutenberg books: the license frame goes, paragraphs become single lines. */
  @Test
  void gutenbergBooksLoseTheirFrameAndHardWraps() throws IOException {
    for (String name : new String[] {"pg11-alice.txt", "pg1342-pride-and-prejudice.txt"}) {
      Path f = SharedData.require("data/text/gutenberg/" + name);
      String raw = Files.readString(f);
      RuleResult r = BookCleaner.apply(raw);
      String t = r.text();
      assertFalse(t.contains("PROJECT GUTENBERG"), name);
      assertFalse(t.contains("Project Gutenberg License"), name);
      int lines = t.split("\n").length;
      int rawLines = raw.split("\n").length;
      System.out.printf("%s: %d lines -> %d, %d chars removed%n", name, rawLines, lines,
          r.charsRemoved());
      assertTrue(lines < rawLines / 2, name + " " + lines + " of " + rawLines);
      String para = name.contains("alice")
          ? "Alice was beginning to get very tired of sitting by her sister on the bank, and of"
              + " having nothing to do:"
          : "It is a truth universally acknowledged, that a single man in possession of a good"
              + " fortune must be in want of a wife.";
      assertTrue(t.contains(para), name);
    }
  }
}
