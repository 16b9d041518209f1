package org.flmdata.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.config.PipelineConfig;

/**
 * The hash that decides whether a stage's output is still valid: SHA-256 over a canonical JSON of
 * everything that can change the stage's output: its name, the stage it read and that stage's
 * hash, the seed, and per domain the name, languages, inputs and the sections of this stage and
 * of every stage before it. Output location, Spark settings and later stages' sections are left
 * out, so tuning {@code dedup:} never invalidates {@code extract}.
 */
public final class ConfigHash {
  private ConfigHash() {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /**
   * @param config the run config
   * @param stage this stage's name
   * @param sectionsUpTo section names of this stage and the stages before it, in pipeline order
   * @param inputStage the stage whose output this one reads, or null
   * @param inputHash that stage's hash, or null
   * @param extra further stage-specific facts (e.g. the mixture's proportions), may be empty
   */
  public static String of(PipelineConfig config, String stage, List<String> sectionsUpTo,
      String inputStage, String inputHash, Map<String, Object> extra) {
    Map<String, Object> canon = new LinkedHashMap<>();
    canon.put("stage", stage);
    canon.put("input_stage", inputStage);
    canon.put("input_hash", inputHash);
    canon.put("seed", config.seed());
    canon.put("extra", new TreeMap<>(extra));
    List<Object> domains = new ArrayList<>();
    for (DomainConfig d : config.domains()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("name", d.name());
      dm.put("languages", d.languages());
      List<Object> inputs = new ArrayList<>();
      for (InputSpec in : d.inputs()) {
        Map<String, Object> im = new TreeMap<>();
        im.put("path", in.path());
        im.put("format", in.format().key());
        im.put("source", in.source());
        im.put("text_field", in.textField());
        im.put("id_field", in.idField());
        im.put("lang_field", in.langField());
        im.put("url_field", in.urlField());
        im.put("per_line", in.perLine());
        inputs.add(im);
      }
      dm.put("inputs", inputs);
      Map<String, Object> sections = new TreeMap<>();
      for (String s : sectionsUpTo) {
        if (d.sections().containsKey(s)) sections.put(s, d.section(s).asSortedMap());
      }
      dm.put("sections", sections);
      domains.add(dm);
    }
    canon.put("domains", domains);
    try {
      byte[] json = JSON.writeValueAsString(canon).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash config", e);
    }
  }
}
