package org.flmdata.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;
import org.flmdata.pipeline.run.StageOutput;

/**
 * The examples of {@code pipeline quality train -c ... --positive-domains ... --negative-domains
 * ... --lang L}: the kept documents of language L in the named domains of one completed stage.
 * {@link #check} validates everything it can before Spark starts (the stage name and its marker,
 * every domain named, the two sets disjoint, L a language of at least one domain on each side,
 * kept output written for each side), so a typo is one clear error in a second, not after a job.
 *
 * @param positiveDomains the positive domains that list L (the others hold none of its documents)
 * @param negativeDomains the negative domains that list L
 */
record QualityRecipe(String stageDir, String stage, String lang, List<String> positiveDomains,
    List<String> negativeDomains) {

  static QualityRecipe check(PipelineConfig config, String stage, List<String> positives,
      List<String> negatives, String lang, Configuration hadoop) throws IOException {
    if (!Stages.names().contains(stage)) {
      throw new ConfigException("--stage " + stage + " is not a stage; stages: "
          + Stages.names());
    }
    RunLayout layout = new RunLayout(config.output());
    if (StageMarker.read(layout.marker(stage), hadoop) == null) {
      throw new ConfigException("stage " + stage + " has not completed under "
          + config.output() + "; run it first (pipeline run -c ... --stages " + stage + ")");
    }
    List<String> pos = side("--positive-domains", positives, lang, config);
    List<String> neg = side("--negative-domains", negatives, lang, config);
    Set<String> both = new LinkedHashSet<>(pos);
    both.retainAll(neg);
    if (!both.isEmpty()) {
      throw new ConfigException("domains " + both + " are in both --positive-domains and"
          + " --negative-domains; a domain is one or the other");
    }
    String dir = layout.stageDir(stage);
    kept("--positive-domains", pos, stage, layout, hadoop);
    kept("--negative-domains", neg, stage, layout, hadoop);
    return new QualityRecipe(dir, stage, lang, pos, neg);
  }

  /** The named domains that hold documents of {@code lang}; an error if none does. */
  private static List<String> side(String option, List<String> names, String lang,
      PipelineConfig config) {
    if (names == null || names.stream().allMatch(String::isBlank)) {
      throw new ConfigException(option + " is empty: name at least one domain");
    }
    List<String> known = config.domains().stream().map(DomainConfig::name).toList();
    List<String> out = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String n : new LinkedHashSet<>(names)) {
      if (n.isBlank()) continue;
      DomainConfig d = config.domains().stream().filter(x -> x.name().equals(n)).findFirst()
          .orElseThrow(() -> new ConfigException(option + " names " + n
              + ", which is not a domain of this run; domains: " + known));
      if (d.languages().contains(lang)) out.add(n);
      else other.add(n + " " + d.languages());
    }
    if (out.isEmpty()) {
      throw new ConfigException(option + " " + names + " hold no documents of --lang "
          + lang + ": no such domain lists it (" + String.join(", ", other) + ")");
    }
    return List.copyOf(out);
  }

  /** At least one domain of a side has kept output in the stage. */
  private static void kept(String option, List<String> domains, String stage, RunLayout layout,
      Configuration hadoop) throws IOException {
    Path keptDir = new Path(layout.keptDir(stage));
    FileSystem fs = keptDir.getFileSystem(hadoop);
    for (String d : domains) {
      if (fs.exists(new Path(keptDir, "domain=" + d))) return;
    }
    throw new ConfigException(option + " " + domains + ": stage " + stage
        + " kept no document of these domains (no " + keptDir + "/domain=...); the set would be"
        + " empty");
  }

  Dataset<String> positives(SparkSession spark) {
    return texts(spark, positiveDomains);
  }

  Dataset<String> negatives(SparkSession spark) {
    return texts(spark, negativeDomains);
  }

  private Dataset<String> texts(SparkSession spark, List<String> domains) {
    return StageOutput.readKept(spark, stageDir)
        .filter(functions.col("domain").isin(domains.toArray())
            .and(functions.col("lang").equalTo(lang)))
        .select("text").as(Encoders.STRING());
  }
}
