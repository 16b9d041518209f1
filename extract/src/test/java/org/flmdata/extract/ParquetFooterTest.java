package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flmdata.pipeline.io.InputFiles.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFooterTest {
  @TempDir Path dir;

  static final List<String> FIELDS = Arrays.asList("text", "id", null, null);

  private static ParquetFooter.Verdict check(Path p) throws IOException {
    return ParquetFooter.check(
        new InputFile(p.toUri().toString(), p.getFileName().toString(), Files.size(p)),
        FIELDS,
        Fixtures.CONF);
  }

  private Path good(String name, boolean stringId) {
    return ParquetFiles.write(
        dir.resolve(name),
        "message m { optional binary text (STRING); optional "
            + (stringId ? "binary id (STRING)" : "int32 id")
            + "; }",
        new Object[] {"text", "a", "id", stringId ? "x" : (Object) 1});
  }

  @Test
  void aGoodFileIsOkAndGroupedByItsColumnTypes() throws IOException {
    ParquetFooter.Verdict s = check(good("s.parquet", true));
    ParquetFooter.Verdict i = check(good("i.parquet", false));
    ParquetFooter.Verdict s2 = check(good("s2.parquet", true));
    assertEquals(ParquetFooter.Status.OK, s.status());
    assertEquals(List.of("text", "id"), s.columns());
    assertEquals(null, s.withoutColumns().columns());
    assertEquals(Arrays.asList("binary (STRING)", "binary (STRING)", null, null), s.group());
    assertEquals(Arrays.asList("binary (STRING)", "int32", null, null), i.group());
    assertEquals(s.group(), s2.group());
    assertNotEquals(s.group(), i.group());
  }

  @Test
  void aTextColumnOfAnotherTypeIsBadSchema() throws IOException {
    Path p =
        ParquetFiles.write(
            dir.resolve("int.parquet"),
            "message m { required int32 text; }",
            new Object[] {"text", 7});
    ParquetFooter.Verdict v = check(p);
    assertEquals(ParquetFooter.Status.BAD_SCHEMA, v.status());
    assertEquals("column \"text\" is int32, not a string", v.detail());
    assertEquals("int32", v.textType());
  }

  @Test
  void aFileWithoutTheTextColumnIsBadSchema() throws IOException {
    Path p =
        ParquetFiles.write(
            dir.resolve("none.parquet"),
            "message m { optional binary body (STRING); }",
            new Object[] {"body", "b"});
    ParquetFooter.Verdict v = check(p);
    assertEquals(ParquetFooter.Status.BAD_SCHEMA, v.status());
    assertEquals("no column \"text\"; columns: [body]", v.detail());
    assertEquals(null, v.textType());
  }

  @Test
  void unannotatedBinaryAndRepeatedOrGroupTextColumns() throws IOException {
    Path bytes =
        ParquetFiles.write(
            dir.resolve("b.parquet"), "message m { optional binary text; }", new Object[0]);
    assertEquals(ParquetFooter.Status.OK, check(bytes).status());
    Path repeated =
        ParquetFiles.write(
            dir.resolve("r.parquet"),
            "message m { repeated binary text (STRING); }",
            new Object[0]);
    assertEquals(ParquetFooter.Status.BAD_SCHEMA, check(repeated).status());
    Path group =
        ParquetFiles.write(
            dir.resolve("g.parquet"),
            "message m { optional group text { optional binary s (STRING); } }",
            new Object[0]);
    ParquetFooter.Verdict g = check(group);
    assertEquals(ParquetFooter.Status.BAD_SCHEMA, g.status());
    assertTrue(g.detail().startsWith("column \"text\" is group"), g.detail());
  }

  @Test
  void randomBytesACutFooterAndAGarbageFooterAreCorrupt() throws IOException {
    Path good = good("good.parquet", true);
    for (Path p :
        List.of(
            ParquetFiles.junk(dir.resolve("junk.parquet"), 4096, 1),
            ParquetFiles.junk(dir.resolve("tiny.parquet"), 3, 2),
            ParquetFiles.truncated(good, dir.resolve("cut.parquet"), 10),
            ParquetFiles.truncated(good, dir.resolve("cut1.parquet"), 1),
            ParquetFiles.garbageFooter(dir.resolve("garbage.parquet")))) {
      ParquetFooter.Verdict v = check(p);
      assertEquals(ParquetFooter.Status.CORRUPT, v.status(), p + ": " + v);
      assertTrue(
          v.detail().startsWith("not a readable Parquet file (" + Files.size(p) + " bytes): "),
          v.detail());
    }
  }

  @Test
  void anEmptyFileIsEmptyAndAVanishedOneAnIoError() throws IOException {
    Path empty = Fixtures.write(dir.resolve("empty.parquet"), new byte[0]);
    assertEquals(ParquetFooter.Status.EMPTY, check(empty).status());
    InputFile gone =
        new InputFile(dir.resolve("gone.parquet").toUri().toString(), "gone.parquet", 10);
    assertEquals(
        ParquetFooter.Status.IO_ERROR, ParquetFooter.check(gone, FIELDS, Fixtures.CONF).status());
  }

  @Test
  void aWideTableNamesAHundredColumns() throws IOException {
    StringBuilder schema = new StringBuilder("message m { optional binary text (STRING);");
    for (int i = 0; i < 150; i++) schema.append(" optional int32 c").append(i).append(';');
    Path p = ParquetFiles.write(dir.resolve("wide.parquet"), schema + " }", new Object[0]);
    List<String> columns = check(p).columns();
    assertEquals(ParquetFooter.MAX_COLUMNS_NAMED + 1, columns.size());
    assertEquals("c98", columns.get(99));
    assertEquals("... 51 more", columns.get(100));
  }
}
