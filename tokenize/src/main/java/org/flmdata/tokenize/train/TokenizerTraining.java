package org.flmdata.tokenize.train;


import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.flmdata.tokenize.bpe.TrainingSplitter;

/**
 * {@code pipeline tokenizer train}: samples documents, counts their words with Spark, learns
 * byte-level BPE merges on the driver, writes the tokenizer.json text and measures compression.
 *
 * <pre>{@code
 * Dataset<Row> docs = CorpusSample.readInputs(spark, List.of("corpus.jsonl"), "text");
 * TokenizerTraining.Result r = TokenizerTraining.run(docs, TokenizerTraining.Options.defaults());
 * Files.writeString(Path.of("tokenizer.json"), r.tokenizerJson());
 * }</pre>
 */
public final class TokenizerTraining {
  private TokenizerTraining() {}

  /** Vocabulary size of Tele-FLM's tokenizer (Tele-FLM report, section 2.2: 80,000). */
  public static final int DEFAULT_VOCAB_SIZE = 80_000;
  /** Default special tokens: end of document (GPT-2's, the pipeline's default eod) and padding. */
  public static final List<String> DEFAULT_SPECIALS = List.of("<|endoftext|>", "<|pad|>");
  /** Most words handed to the merge step (driver memory: ~100-200 bytes per word). */
  public static final int DEFAULT_MAX_WORDS = 2_000_000;
  /** Documents per domain/language column measured in the compression report. */
  public static final int DEFAULT_EVAL_DOCS = 2_000;

  /**
   * Training settings.
   *
   * @param vocabSize tokens in the result, specials and 256 byte tokens included
   * @param style pre-tokenizer
   * @param specials special tokens, ids 0.. in order
   * @param docs documents to sample (null: all)
   * @param shares domain -> share of the sample (null: equal shares)
   * @param seed sampling seed
   * @param minFrequency words occurring fewer times are not used
   * @param maxWords at most this many words (the most frequent) reach the driver
   * @param evalDocs documents per domain measured for compression (0: no report)
   * @param compare other tokenizers to measure beside the new one
   */
  public record Options(int vocabSize, PreTokenizerStyle style, List<String> specials, Long docs,
      Map<String, Double> shares, long seed, long minFrequency, int maxWords, int evalDocs,
      List<CompressionReport.Named> compare) {

    public static Options defaults() {
      return new Options(DEFAULT_VOCAB_SIZE, PreTokenizerStyle.LLAMA3, DEFAULT_SPECIALS, null, null,
          1234L, 1L, DEFAULT_MAX_WORDS, DEFAULT_EVAL_DOCS, List.of());
    }

    /** Checks at the boundary, with the option named. */
    public void validate() {
      int floor = 256 + (int) specials.stream().distinct().count();
      if (vocabSize < floor) {
        throw new IllegalArgumentException("--vocab-size must be >= " + floor
            + " (256 byte tokens + " + (floor - 256) + " special tokens), got " + vocabSize);
      }
      if (docs != null && docs < 1) throw new IllegalArgumentException("--docs must be >= 1, got " + docs);
      if (minFrequency < 1) throw new IllegalArgumentException("--min-frequency must be >= 1, got " + minFrequency);
      if (maxWords < 1) throw new IllegalArgumentException("--max-words must be >= 1, got " + maxWords);
      if (evalDocs < 0) throw new IllegalArgumentException("--eval-docs must be >= 0, got " + evalDocs);
      for (String s : specials) {
        if (s.isEmpty()) throw new IllegalArgumentException("--special must not be empty");
      }
    }

    public Options withVocabSize(int v) {
      return new Options(v, style, specials, docs, shares, seed, minFrequency, maxWords, evalDocs, compare);
    }

    public Options withStyle(PreTokenizerStyle s) {
      return new Options(vocabSize, s, specials, docs, shares, seed, minFrequency, maxWords, evalDocs, compare);
    }

    public Options withSpecials(List<String> s) {
      return new Options(vocabSize, style, s, docs, shares, seed, minFrequency, maxWords, evalDocs, compare);
    }

    public Options withSample(Long n, Map<String, Double> sh, long sd) {
      return new Options(vocabSize, style, specials, n, sh, sd, minFrequency, maxWords, evalDocs, compare);
    }

    public Options withLimits(long minFreq, int maxW, int eval) {
      return new Options(vocabSize, style, specials, docs, shares, seed, minFreq, maxW, eval, compare);
    }

    public Options withCompare(List<CompressionReport.Named> c) {
      return new Options(vocabSize, style, specials, docs, shares, seed, minFrequency, maxWords, evalDocs, c);
    }
  }

  /**
   * What training produced.
   *
   * @param tokenizerJson the tokenizer.json text
   * @param bpe the model
   * @param docs documents in the sample
   * @param bytes UTF-8 bytes in the sample
   * @param counted what word counting found
   * @param countSeconds wall time of sampling + counting
   * @param mergeSeconds wall time of the merge step
   * @param report compression (null when evalDocs is 0)
   */
  public record Result(String tokenizerJson, TrainedBpe bpe, long docs, long bytes,
      WordCounter.Counted counted, double countSeconds, double mergeSeconds, CompressionReport report) {

    /** The summary line's fields (the CLI adds the output path). */
    public Map<String, Object> summary(Options o) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("vocab_size", bpe.vocab().size());
      m.put("merges", bpe.merges().size());
      m.put("specials", bpe.vocab().subList(0, bpe.specials()));
      m.put("pre_tokenizer", o.style().label());
      m.put("docs", docs);
      m.put("bytes", bytes);
      m.put("distinct_words", counted.distinct());
      m.put("word_occurrences", counted.occurrences());
      m.put("words_used", counted.words().size());
      m.put("count_seconds", Math.round(countSeconds * 100) / 100.0);
      m.put("merge_seconds", Math.round(mergeSeconds * 100) / 100.0);
      if (report != null) m.put("compression", report.json());
      return m;
    }
  }

  /** Trains on {@code docs} (columns {@code domain, lang, id, text}). */
  public static Result run(Dataset<Row> docs, Options o) {
    o.validate();
    long t0 = System.nanoTime();
    Map<String, Long> perDomain = null;
    if (o.docs() != null) {
      Map<String, Double> shares = o.shares();
      if (shares == null) {
        shares = new LinkedHashMap<>();
        for (String d : CorpusSample.counts(docs).keySet()) shares.put(d, 1.0);
      }
      perDomain = CorpusSample.targets(shares, o.docs());
    }
    // the sample is read again only for the compression report; the count's own pass gives the
    // documents and bytes
    Dataset<Row> sample = CorpusSample.sample(docs, perDomain, o.seed());
    if (o.evalDocs() > 0) sample = sample.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      TrainingSplitter splitter = TrainingSplitter.from(o.style().normalizer(), o.style().preTokenizer());
      WordCounter.Counted counted = WordCounter.count(sample.select("text").as(Encoders.STRING()),
          splitter, o.minFrequency(), o.maxWords());
      long t1 = System.nanoTime();
      TrainedBpe bpe = BpeTrainer.train(counted.words(), o.vocabSize(), o.specials(), true, 0);
      long t2 = System.nanoTime();
      String json = TokenizerJson.write(bpe, o.style());
      CompressionReport report = null;
      if (o.evalDocs() > 0) {
        List<CompressionReport.Named> toks = new ArrayList<>();
        toks.add(new CompressionReport.Named("trained", json.getBytes(StandardCharsets.UTF_8)));
        toks.addAll(o.compare());
        report = CompressionReport.measure(CorpusSample.evalSlice(sample, o.evalDocs(), o.seed()), toks);
      }
      return new Result(json, bpe, counted.texts(), counted.bytes(), counted, (t1 - t0) / 1e9,
          (t2 - t1) / 1e9, report);
    } finally {
      if (o.evalDocs() > 0) sample.unpersist(false);
    }
  }
}
