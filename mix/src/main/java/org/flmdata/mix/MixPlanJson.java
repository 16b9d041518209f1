package org.flmdata.mix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.flmdata.pipeline.StageContext;

/**
 * {@code report/mix_plan.json}: the plan as tokenize (blend-only weights) and the report read it:
 * {@code {"mode", "total_tokens", "max_epochs", "materialize", "domains": [{"domain",
 * "available_tokens", "target_share", "target_tokens", "epochs"}], "warnings": [...]}}.
 */
final class MixPlanJson {
  private MixPlanJson() {}

  static Map<String, Object> tree(MixPlan plan, boolean materialize) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("mode", plan.mode());
    root.put("total_tokens", plan.totalTokens());
    root.put("max_epochs", plan.maxEpochs());
    root.put("materialize", materialize);
    List<Object> ds = new ArrayList<>();
    for (MixPlan.Domain d : plan.domains()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("domain", d.name());
      m.put("available_tokens", d.availableTokens());
      m.put("target_share", d.targetShare());
      m.put("target_tokens", d.targetTokens());
      m.put("epochs", d.epochs());
      ds.add(m);
    }
    root.put("domains", ds);
    root.put("warnings", plan.warnings());
    return root;
  }

  static void write(StageContext ctx, MixPlan plan, boolean materialize) throws IOException {
    Path p = new Path(ctx.layout().mixPlan());
    FileSystem fs = p.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(p, true)) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out, tree(plan, materialize));
    }
  }
}
