package org.flmdata.pipeline.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.flmdata.pipeline.io.InputFiles;
import org.flmdata.pipeline.io.Paths;

/**
 * Reads and validates {@code pipeline.yaml} and every {@code domains/*.yaml} before any Spark
 * work. Each problem is one {@link ConfigException} naming the file, the key and the fix: unknown
 * keys, wrong types, failed checks, duplicate domains, inputs that match no file, proportions that
 * do not add up to 100%.
 *
 * <p>Files are read through Hadoop's FileSystem, so a config may itself live on {@code s3a://}.
 * Stage sections of domain files ({@code extract:}, {@code clean:}, ...) are declared by the stage
 * modules and passed in, since this module knows none of them.
 */
public final class ConfigLoader {
  private final Map<String, SettingsSpec> stageSections;
  private final Configuration hadoop;
  private final boolean checkInputs;

  /**
   * @param stageSections stage name to the spec of its domain-file section, in pipeline order
   * @param hadoop Hadoop configuration for reading config files and listing inputs
   * @param checkInputs whether every input must match at least one file (off for dry runs of
   *     configs whose inputs are elsewhere)
   */
  public ConfigLoader(Map<String, SettingsSpec> stageSections, Configuration hadoop,
      boolean checkInputs) {
    this.stageSections = new LinkedHashMap<>(stageSections);
    this.hadoop = hadoop;
    this.checkInputs = checkInputs;
  }

  /** Loads the run config from {@code pipelineYaml} (local path or URI). */
  public PipelineConfig load(String pipelineYaml) {
    Map<String, Object> root = readYaml(pipelineYaml);
    Settings run = PipelineSettings.RUN.parse(root, pipelineYaml, "",
        PipelineSettings.PIPELINE_SECTIONS);
    String dir = Paths.parent(pipelineYaml);
    Settings tokenizer = PipelineSettings.TOKENIZER.parse(root.get("tokenizer"), pipelineYaml);
    Settings mix = PipelineSettings.MIX.parse(root.get("mix"), pipelineYaml);
    checkHeldOut(mix, pipelineYaml);
    Settings spark = PipelineSettings.SPARK.parse(root.get("spark"), pipelineYaml);
    String output = Paths.resolve(dir, run.get(PipelineSettings.OUTPUT));
    String domainsDir = Paths.resolve(dir, run.get(PipelineSettings.DOMAINS));
    List<DomainConfig> domains = loadDomains(domainsDir, pipelineYaml);
    checkProportions(domains, domainsDir);
    return new PipelineConfig(pipelineYaml, output, domains, tokenizer, mix, spark, run);
  }

  /**
   * Held-out shares that leave no training document, or shares mixed with token counts, are
   * errors before any Spark work.
   */
  static void checkHeldOut(Settings mix, String file) {
    double valid = mix.get(PipelineSettings.MIX_VALID_SHARE);
    double test = mix.get(PipelineSettings.MIX_TEST_SHARE);
    if (valid + test >= 1) {
      throw ConfigException.at(file, "mix.valid_share",
          valid + " + mix.test_share " + test + " hold out every document of every domain,"
              + " leaving no training document; make their sum < 1 (e.g. 0.001 each)");
    }
    boolean tokens = mix.get(PipelineSettings.MIX_VALID_TOKENS) > 0
        || mix.get(PipelineSettings.MIX_TEST_TOKENS) > 0;
    if (tokens && valid + test > 0) {
      throw ConfigException.at(file, "mix.valid_share",
          "/test_share and mix.valid_tokens/test_tokens are both set; hold out either a share of"
              + " documents or a number of tokens per domain, not both");
    }
  }

  private List<DomainConfig> loadDomains(String domainsDir, String pipelineYaml) {
    List<String> files = new ArrayList<>();
    try {
      Path dir = new Path(domainsDir);
      FileSystem fs = dir.getFileSystem(hadoop);
      if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
        throw ConfigException.at(pipelineYaml, "domains",
            "must name a folder of domain files, but " + domainsDir + " is not a folder");
      }
      for (FileStatus st : fs.listStatus(dir)) {
        String n = st.getPath().getName();
        if (st.isFile() && (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".")) {
          files.add(Paths.join(domainsDir, n));
        }
      }
    } catch (IOException e) {
      throw ConfigException.at(pipelineYaml, "domains", "cannot be listed: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw ConfigException.at(pipelineYaml, "domains",
          "folder " + domainsDir + " holds no .yaml domain files");
    }
    files.sort(null);
    List<DomainConfig> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String f : files) {
      DomainConfig d = loadDomain(f);
      if (!names.add(d.name())) {
        throw ConfigException.at(f, "name", "\"" + d.name() + "\" is used by another domain file");
      }
      out.add(d);
    }
    return out;
  }

  /** Loads one domain file. */
  public DomainConfig loadDomain(String file) {
    Map<String, Object> root = readYaml(file);
    Set<String> other = new HashSet<>(stageSections.keySet());
    other.add("inputs");
    Settings top = PipelineSettings.DOMAIN.parse(root, file, "", other);
    String name = top.get(PipelineSettings.DOMAIN_NAME);
    Object rawInputs = root.get("inputs");
    if (!(rawInputs instanceof List<?> list) || list.isEmpty()) {
      throw ConfigException.at(file, "inputs",
          "must be a non-empty list of {path, format, ...}, got " + Setting.show(rawInputs));
    }
    String dir = Paths.parent(file);
    List<InputSpec> inputs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "inputs[" + i + "]";
      Settings in = PipelineSettings.INPUT.parse(list.get(i), file, key, Set.of());
      String path = Paths.resolve(dir, in.get(PipelineSettings.INPUT_PATH));
      InputFormat format = InputFormat.parse(in.get(PipelineSettings.INPUT_FORMAT));
      String source = in.get(PipelineSettings.INPUT_SOURCE);
      if (source == null || source.isBlank()) source = name;
      if (in.get(PipelineSettings.INPUT_TEXT_UNIT).equals("line") && format != InputFormat.TEXT) {
        throw ConfigException.at(file, key + ".text_unit", "applies to format text only");
      }
      InputSpec spec = new InputSpec(path, format, source,
          in.get(PipelineSettings.INPUT_TEXT_FIELD), in.get(PipelineSettings.INPUT_ID_FIELD),
          in.get(PipelineSettings.INPUT_LANG_FIELD), in.get(PipelineSettings.INPUT_URL_FIELD),
          in.get(PipelineSettings.INPUT_TEXT_UNIT).equals("line"));
      if (checkInputs) checkMatches(file, key + ".path", path);
      inputs.add(spec);
    }
    Map<String, Settings> sections = new LinkedHashMap<>();
    for (Map.Entry<String, SettingsSpec> e : stageSections.entrySet()) {
      sections.put(e.getKey(), e.getValue().parse(root.get(e.getKey()), file));
    }
    return new DomainConfig(file, name, top.get(PipelineSettings.LANGUAGES),
        top.get(PipelineSettings.PROPORTION), top.get(PipelineSettings.EPOCHS), inputs, sections);
  }

  private void checkMatches(String file, String key, String path) {
    try {
      if (InputFiles.expand(path, hadoop).isEmpty()) {
        throw ConfigException.at(file, key, "\"" + path + "\" matches no files");
      }
    } catch (IOException e) {
      throw ConfigException.at(file, key, "\"" + path + "\" cannot be listed: " + e.getMessage());
    }
  }

  /**
   * Proportions are Table 1 percentages rounded to two decimals, so their sum may miss 100 by the
   * rounding of each: up to 0.005 per domain (Table 1 itself sums to 100.01).
   */
  static void checkProportions(List<DomainConfig> domains, String domainsDir) {
    double sum = 0;
    for (DomainConfig d : domains) sum += d.proportion();
    double tolerance = 0.005 * domains.size() + 1e-9;
    if (Math.abs(sum - 100.0) > tolerance) {
      StringBuilder parts = new StringBuilder();
      for (DomainConfig d : domains) {
        if (parts.length() > 0) parts.append(" + ");
        parts.append(d.name()).append(' ').append(d.proportion());
      }
      throw ConfigException.at(domainsDir, "proportion",
          String.format(java.util.Locale.ROOT,
              "values must add up to 100 (percent of training tokens), got %.4f = %s", sum, parts));
    }
  }

  private Map<String, Object> readYaml(String file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    Path p = new Path(file);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      Object tree = yaml.readValue(in, Object.class);
      if (tree == null) {
        throw ConfigException.at(file, "", "is empty");
      }
      if (!(tree instanceof Map<?, ?>)) {
        throw ConfigException.at(file, "", "must be a YAML mapping of key: value at the top");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) tree;
      return map;
    } catch (java.io.FileNotFoundException e) {
      throw ConfigException.at(file, "", "does not exist");
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ConfigException.at(file, "", "is not valid YAML" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ConfigException.at(file, "", "cannot be read: " + e.getMessage());
    }
  }
}
