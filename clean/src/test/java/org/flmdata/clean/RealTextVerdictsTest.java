package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.testing.RealText;
import org.junit.jupiter.api.Test;

/**
 * The clean path's per-document results on real English and Chinese text (about 8 MB, {@link
 * RealText}) equal the recorded ones in {@code real-text-verdicts.tsv}: kept or dropped, the
 * reason and its detail, and a digest of the cleaned text and meta. Speed work on the clean path
 * must leave every line as it is; a change of a rule's meaning shows here, document by document.
 * The file was written by the code before that work (commit message says which); regenerate it
 * only for an intended, versioned rule change, with {@code -Dflmdata.golden.write=true}.
 */
class RealTextVerdictsTest {
  private static final String GOLDEN = "real-text-verdicts.tsv";

  @Test
  void realTextGetsTheRecordedVerdicts() throws IOException {
    List<RealText.Doc> docs = new ArrayList<>(RealText.english());
    docs.addAll(RealText.chinese());
    DocumentCleaner cleaner = new DocumentCleaner(CleanStage.SECTION.defaults("test"));
    List<String> lines = new ArrayList<>();
    for (RealText.Doc d : docs) {
      Document doc = new Document(d.source(), "WebText", "real", null, d.lang(), d.text(), null);
      lines.add(d.source() + "\t" + d.lang() + "\t" + describe(cleaner.clean(doc)));
    }
    if (Boolean.getBoolean("flmdata.golden.write")) {
      Path out = Path.of("src/test/resources/org/flmdata/clean", GOLDEN);
      Files.createDirectories(out.getParent());
      Files.write(out, lines, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected;
    try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
      expected = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < Math.max(lines.size(), expected.size()); i++) {
      String got = i < lines.size() ? lines.get(i) : "(none)";
      String want = i < expected.size() ? expected.get(i) : "(none)";
      if (!got.equals(want)) diffs.add("expected " + want + "\n     got " + got);
    }
    assertEquals(List.of(), diffs.subList(0, Math.min(10, diffs.size())),
        diffs.size() + " of " + lines.size() + " documents differ");
  }

  /** "keep" and a digest of text and meta, or "drop", the reason's key and its detail. */
  static String describe(Verdict v) {
    if (v instanceof Verdict.Drop d) return "drop\t" + d.reason().key() + "\t" + d.detail();
    Document doc = ((Verdict.Keep) v).doc();
    StringBuilder sb = new StringBuilder(doc.getText());
    for (Map.Entry<String, String> e : new TreeMap<>(doc.getMeta()).entrySet()) {
      sb.append('\u0000').append(e.getKey()).append('=').append(e.getValue());
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return "keep\t" + HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
