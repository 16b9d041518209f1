package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Split behavior (Isolated, Removed, MergedWithPrevious, MergedWithNext, Contiguous), with
 * and without invert, over a regex and a regex with empty matches, gives the
 * Rust library's ids: tokenizer.json files built here from GPT-2's vocabulary with
 * {@code Sequence[Split, ByteLevel(use_regex=false)]}.
 */
class SplitBehaviorParityTest {
  @TempDir Path dir;

  @Test
  void everySplitBehaviorMatchesTheRustLibrary() throws Exception {
    Path gpt2 = SharedData.require("models/tokenizers/gpt2");
    NodeReference ref = NodeReference.require();
    List<String> texts = new ArrayList<>();
    for (String t : ParityTexts.build(SharedData.root())) if (t.length() <= 3000) texts.add(t);
    texts.add("aaa bbb  a1b22c333 xaax   ");
    Path jsonl = dir.resolve("texts.jsonl");
    NodeReference.writeJsonl(texts, jsonl);
    ObjectNode base = HfTokenizer.gpt2Config(gpt2.resolve("encoder.json"), gpt2.resolve("vocab.bpe"));
    // a String pattern takes the same path as a Regex one (quoted); not repeated here to save time
    String[][] patterns = {{"Regex", "\\s+|[0-9]"}, {"Regex", "a*"}};
    List<String> report = new ArrayList<>();
    int total = 0;
    String first = null;
    for (String behavior : new String[] {"Isolated", "Removed", "MergedWithPrevious", "MergedWithNext", "Contiguous"}) {
      for (boolean invert : new boolean[] {false, true}) {
        for (String[] pattern : patterns) {
          ObjectNode c = base.deepCopy();
          ObjectNode seq = c.putObject("pre_tokenizer").put("type", "Sequence");
          ArrayNode list = seq.putArray("pretokenizers");
          ObjectNode split = list.addObject().put("type", "Split");
          split.putObject("pattern").put(pattern[0], pattern[1]);
          split.put("behavior", behavior).put("invert", invert);
          list.addObject().put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", true)
              .put("use_regex", false);
          String name = behavior + "-invert-" + invert + "-" + pattern[0] + "-" + pattern[1];
          Path json = dir.resolve("split.json");
          Files.writeString(json, c.toString());
          HfTokenizer ours = HfTokenizer.load(json);
          List<int[]> expected = ref.encode(json, jsonl, dir);
          int mismatches = 0;
          String firstHere = null;
          for (int i = 0; i < texts.size(); i++) {
            int[] got = ours.encode(texts.get(i));
            if (!Arrays.equals(expected.get(i), got)) {
              mismatches++;
              if (firstHere == null) {
                firstHere = name + " text " + i + " " + texts.get(i).substring(0, Math.min(80, texts.get(i).length()))
                    + "\n expected " + Arrays.toString(expected.get(i)) + "\n got      " + Arrays.toString(got);
              }
            }
          }
          total += mismatches;
          if (first == null) first = firstHere;
          if (firstHere != null) System.out.println(firstHere);
          report.add(String.format("split parity %-48s docs compared %d, mismatches %d", name, texts.size(), mismatches));
        }
      }
    }
    report.forEach(System.out::println);
    assertEquals(0, total, String.join("\n", report) + "\nfirst: " + first);
  }
}
