package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import static org.flmdata.extract.Fixtures.concat;
import static org.flmdata.extract.Fixtures.gzip;
import static org.flmdata.extract.Fixtures.gzipMembers;
import static org.flmdata.extract.Fixtures.htmlResponse;
import static org.flmdata.extract.Fixtures.request;
import static org.flmdata.extract.Fixtures.utf8;
import static org.flmdata.extract.Fixtures.warcinfo;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractStageTest {
  @TempDir Path dir;

  private static final String EN =
      "This is a sentence in English, and it is the text of the document.";
  private static final String ZH = "北京是中华人民共和国的首都，也是全国的政治中心和文化中心。";

  private PipelineConfig load(String... domainFiles) {
    write(dir.resolve("pipeline.yaml"), utf8("output: out\ndomains: domains/\n"));
    for (int i = 0; i < domainFiles.length; i++) {
      write(dir.resolve("domains/d" + i + ".yaml"), utf8(domainFiles[i]));
    }
    ConfigLoader loader =
        new ConfigLoader(
            Map.of(ExtractStage.NAME, ExtractStage.SECTION),
            SparkTestSession.get().sparkContext().hadoopConfiguration(),
            true);
    return loader.load(dir.resolve("pipeline.yaml").toString());
  }

  private List<Outcome> run(PipelineConfig cfg) {
    SparkSession spark = SparkTestSession.get();
    StageContext ctx = new StageContext(spark, cfg, new RunLayout(cfg.output()));
    return new ExtractStage().apply(ctx, null).collectAsList();
  }

  private static Map<String, Integer> counts(List<Outcome> outs, String source) {
    Map<String, Integer> m = new TreeMap<>();
    for (Outcome o : outs) {
      if (!o.getSource().equals(source)) continue;
      m.merge(o.isKept() ? "kept" : o.getRule() + "/" + o.getReason(), 1, Integer::sum);
    }
    return m;
  }

  private static long bytesIn(List<Outcome> outs, String source) {
    return outs.stream()
        .filter(o -> o.getSource().equals(source))
        .mapToLong(Outcome::getBytesIn)
        .sum();
  }

  @Test
  void everyFormatOfEveryDomainBecomesOutcomesThatReconcile() throws Exception {
    // WARC: two files, one of them cut short
    List<byte[]> recs = new ArrayList<>();
    recs.add(warcinfo("urn:uuid:w0"));
    recs.add(request("urn:uuid:w1", "http://e/1"));
    recs.add(htmlResponse("urn:uuid:w2", "http://e/1", "<p>" + EN + "</p>"));
    recs.add(htmlResponse("urn:uuid:w3", "http://e/2", "<p>" + ZH + "</p>"));
    recs.add(htmlResponse("urn:uuid:w4", "http://e/3", "<p>Der Hund schläft unter dem Tisch.</p>"));
    byte[] warcA = gzipMembers(recs);
    byte[] warcB =
        gzipMembers(
            List.of(
                htmlResponse("urn:uuid:w5", "http://e/5", "<p>" + EN + "</p>"),
                htmlResponse("urn:uuid:w6", "http://e/6", "<p>" + EN + "</p>")));
    warcB = Arrays.copyOf(warcB, warcB.length - 30);
    write(dir.resolve("in/warc/a.warc.gz"), warcA);
    write(dir.resolve("in/warc/b.warc.gz"), warcB);
    // HTML folder: a page, a gzip page, a PNG named .html, an empty file
    write(dir.resolve("in/html/p1.html"), utf8("<title>P1</title><p>" + EN + "</p>"));
    write(dir.resolve("in/html/sub/p2.html.gz"), gzip(utf8("<p>" + ZH + "</p>")));
    write(dir.resolve("in/html/logo.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
    write(dir.resolve("in/html/empty.html"), new byte[0]);
    // text: per file and per line
    write(dir.resolve("in/books/b1.txt"), utf8(EN + "\n" + EN + "\n"));
    write(
        dir.resolve("in/lines/l.txt"),
        concat(utf8(EN + "\n\n" + EN + "\n"), new byte[] {(byte) 0xFF, '\n'}));
    // JSONL.gz with id, lang and url fields
    byte[] jsonl =
        utf8(
            "{\"id\": \"j1\", \"content\": \""
                + ZH
                + "\", \"lang\": \"zh\", \"url\": \"http://j/1\"}\n"
                + "{\"id\": \"j2\", \"content\": \""
                + EN
                + "\", \"lang\": \"en\"}\n"
                + "not json\n"
                + "{\"id\": \"j4\", \"body\": \"no content field\"}\n");
    write(dir.resolve("in/wudao/part-0.jsonl.gz"), gzip(jsonl));
    // Parquet with id, lang, url columns; one null text, one null id
    SparkSession spark = SparkTestSession.get();
    StructType schema =
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("body", DataTypes.StringType)
            .add("language", DataTypes.StringType)
            .add("link", DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create("p1", ZH, "zh", "http://p/1"),
            RowFactory.create(null, ZH, "zh-Hans", null),
            RowFactory.create("p3", null, "zh", null),
            RowFactory.create("p4", EN, "en", null));
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("in/pq").toString());

    PipelineConfig cfg =
        load(
            "name: WebText\nlanguages: [en, zh]\nproportion: 60\ninputs:\n"
                + "  - {path: ../in/warc/*.warc.gz, format: warc, source: cc}\n"
                + "  - {path: ../in/html, format: html, source: pages}\n"
                + "extract: {min_text_chars: 5, max_partition_bytes: 1000}\n",
            "name: Books\nlanguages: [en]\nproportion: 20\ninputs:\n"
                + "  - {path: ../in/books/*.txt, format: text, source: books}\n"
                + "  - {path: ../in/lines/l.txt, format: text, text_unit: line, source: lines}\n",
            "name: Wudao\n"
                + "languages: [zh]\n"
                + "proportion: 20\n"
                + "inputs:\n"
                + "  - {path: ../in/wudao/*.jsonl.gz, format: jsonl, source: wudao, text_field:"
                + " content, id_field: id, lang_field: lang, url_field: url}\n"
                + "  - {path: ../in/pq, format: parquet, source: pq, text_field: body, id_field:"
                + " doc_id, lang_field: language, url_field: link}\n");

    List<Outcome> outs = run(cfg);

    assertEquals(
        Map.of(
            "kept", 3, "warc/not-response", 2, "lang/not-in-domain", 1, "read/truncated-gzip", 1),
        counts(outs, "cc"));
    assertEquals(Map.of("kept", 2, "read/binary", 1, "read/empty-file", 1), counts(outs, "pages"));
    assertEquals(Map.of("kept", 1), counts(outs, "books"));
    assertEquals(Map.of("kept", 2, "read/invalid-utf8", 1), counts(outs, "lines"));
    assertEquals(
        Map.of("kept", 1, "lang/not-in-domain", 1, "read/bad-json", 1, "read/missing-text", 1),
        counts(outs, "wudao"));
    assertEquals(
        Map.of("kept", 2, "read/missing-text", 1, "lang/not-in-domain", 1), counts(outs, "pq"));

    // bytes in: stored sizes for WARC and HTML, decompressed for line formats, text for Parquet
    assertEquals(warcA.length + warcB.length, bytesIn(outs, "cc"));
    long html = 0;
    for (String f : List.of("p1.html", "sub/p2.html.gz", "logo.html", "empty.html")) {
      html += Files.size(dir.resolve("in/html/" + f));
    }
    assertEquals(html, bytesIn(outs, "pages"));
    assertEquals(Files.size(dir.resolve("in/books/b1.txt")), bytesIn(outs, "books"));
    assertEquals(Files.size(dir.resolve("in/lines/l.txt")), bytesIn(outs, "lines"));
    assertEquals(jsonl.length, bytesIn(outs, "wudao"));
    assertEquals(2 * Outcome.utf8Length(ZH) + Outcome.utf8Length(EN), bytesIn(outs, "pq"));

    Map<String, Outcome> byId = new HashMap<>();
    for (Outcome o : outs) byId.put(o.getId(), o);
    assertEquals("WebText", byId.get("urn:uuid:w3").getDomain());
    assertEquals("zh", byId.get("urn:uuid:w3").getLang());
    assertEquals(
        "pages/sub/p2.html.gz#1",
        outs.stream()
            .filter(
                o -> o.getSource().equals("pages") && o.getText() != null && o.getText().equals(ZH))
            .findFirst()
            .orElseThrow()
            .getId());
    assertEquals("http://j/1", byId.get("j1").getUrl());
    assertEquals("Wudao", byId.get("j1").getDomain());
    assertEquals("en", byId.get("j2").getDetail());
    assertEquals("http://p/1", byId.get("p1").getUrl());
    Outcome noId =
        outs.stream()
            .filter(
                o ->
                    o.getSource().equals("pq")
                        && o.getUrl() == null
                        && "zh".equals(o.getLang())
                        && o.isKept())
            .findFirst()
            .orElseThrow();
    assertTrue(noId.getId().matches("pq/part-[^/]+\\.parquet#2"), noId.getId());
    assertEquals("zh-Hans", noId.getMeta().get(MetaKeys.LANG_GIVEN.name()));
    assertEquals("2", noId.getMeta().get(MetaKeys.ROW.name()));
  }

  @Test
  void aParquetInputWithoutItsTextColumnFailsBeforeAnyWork() {
    SparkSession spark = SparkTestSession.get();
    StructType schema = new StructType().add("content", DataTypes.StringType);
    spark
        .createDataFrame(List.of(RowFactory.create(EN)), schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("in/pq").toString());
    PipelineConfig cfg =
        load(
            "name: Web\nlanguages: [en]\nproportion: 100\ninputs:\n"
                + "  - {path: ../in/pq, format: parquet}\n");

    ConfigException e = assertThrows(ConfigException.class, () -> run(cfg));

    assertTrue(
        e.getMessage().contains("d0.yaml: inputs[0].text_field \"text\" is not a column"),
        e.getMessage());
    assertTrue(e.getMessage().contains("columns: [content]"), e.getMessage());
  }

  @Test
  void extractSettingsAreCheckedWhenTheDomainFileIsLoaded() {
    ConfigException tooBig =
        assertThrows(
            ConfigException.class,
            () -> ExtractStage.SECTION.parse(Map.of("max_record_bytes", 0), "domains/web.yaml"));
    assertEquals(
        "domains/web.yaml: extract.max_record_bytes must be between 1 and 1073741824," + " got 0",
        tooBig.getMessage());
    ConfigException unknown =
        assertThrows(
            ConfigException.class,
            () -> ExtractStage.SECTION.parse(Map.of("max_bytes", 1), "domains/web.yaml"));
    assertTrue(
        unknown
            .getMessage()
            .startsWith("domains/web.yaml: extract.max_bytes is not a known" + " setting"),
        unknown.getMessage());
    var defaults = ExtractStage.SECTION.defaults("domains/web.yaml");
    assertEquals(50L << 20, defaults.get(ExtractStage.MAX_RECORD_BYTES));
    assertEquals(1, defaults.get(ExtractStage.MIN_TEXT_CHARS));
    assertEquals(128L << 20, defaults.get(ExtractStage.MAX_PARTITION_BYTES));
  }

  @Test
  void noInputFilesGiveAnEmptyDatasetWithTheOutcomeSchema() {
    write(dir.resolve("in/x/a.jsonl"), utf8("{\"text\": \"" + EN + "\"}\n"));
    PipelineConfig cfg =
        load(
            "name: Web\nlanguages: [en]\nproportion: 100\ninputs:\n"
                + "  - {path: ../in/x/*.jsonl, format: jsonl}\n");
    try {
      Files.delete(dir.resolve("in/x/a.jsonl"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    SparkSession spark = SparkTestSession.get();
    Dataset<Outcome> ds =
        new ExtractStage().apply(new StageContext(spark, cfg, new RunLayout("out")), null);
    assertEquals(0, ds.count());
    assertEquals(Outcome.ENCODER.schema(), ds.schema());
  }
}
