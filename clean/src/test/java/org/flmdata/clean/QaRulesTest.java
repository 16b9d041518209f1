package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.SAXParserFactory;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

class QaRulesTest {

  @Test
  void anInformativeAnswerPassesWithTagsRemoved() {
    RuleResult r = QaRules.apply("Q: How to store beans?\nA: <p>In an airtight jar.</p>");
    assertNull(r.drop());
    assertEquals("Q: How to store beans?\nA: In an airtight jar.", r.text());
  }

  @Test
  void veryShortAnswersTrip() {
    assertEquals(CleanReason.QA_SHORT_ANSWER, QaRules.apply("Is it good?\nAnswer: Yes.").drop());
    assertEquals(CleanReason.QA_SHORT_ANSWER, QaRules.apply("好喝吗？\n答：好。").drop());
    assertNull(QaRules.apply("Is it good?\nAnswer: Yes, mostly.").drop());
  }

  @Test
  void linkOnlyAnswersTrip() {
    assertEquals(CleanReason.QA_LINK_ONLY,
        QaRules.apply("Where is the manual?\nA: https://example.com/manual.pdf").drop());
    assertNull(QaRules.apply("Where?\nA: See https://example.com/m for the manual.").drop());
  }

  @Test
  void withoutAnAnswerMarkerTheDocumentIsNotJudged() {
    assertNull(QaRules.apply("Just a question?").drop());
  }

  /** Stack Exchange pairs (question title + each answer): every outcome is counted, none throws. */
  @Test
  void stackExchangePairsAreJudged() throws Exception {
    Path posts = SharedData.require("data/text/stackexchange/coffee.stackexchange-Posts.xml");
    Map<String, String> questions = new HashMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    SAXParserFactory.newInstance().newSAXParser().parse(posts.toFile(), new DefaultHandler() {
      @Override
      public void startElement(String uri, String local, String qName, Attributes a) {
        if (!qName.equals("row")) return;
        if ("1".equals(a.getValue("PostTypeId"))) {
          questions.put(a.getValue("Id"), a.getValue("Title"));
        } else if ("2".equals(a.getValue("PostTypeId"))) {
          String q = questions.getOrDefault(a.getValue("ParentId"), "");
          RuleResult r = QaRules.apply("Q: " + q + "\nA: " + a.getValue("Body"));
          outcomes.merge(r.dropped() ? r.drop().key() : "kept", 1, Integer::sum);
        }
      }
    });
    System.out.println("stackexchange answers: " + outcomes);
    int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(total > 100, "answers " + total);
    assertTrue(outcomes.getOrDefault("kept", 0) > total * 0.9, outcomes.toString());
  }
}
