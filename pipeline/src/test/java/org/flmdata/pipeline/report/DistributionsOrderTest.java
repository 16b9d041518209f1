package org.flmdata.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

/** stats.json is written in map order: a metric's fields come in one fixed order in every JVM. */
class DistributionsOrderTest {
  @Test
  void metricFieldsAndHistogramKeepOneOrder() {
    KllDoublesSketch kll = KllDoublesSketch.newHeapInstance();
    for (int i = 1; i <= 5000; i++) kll.update(i);
    Map<String, Object> m = Distributions.metric(kll);
    assertEquals(List.of("n", "min", "max", "quantiles", "histogram", "log_bins"),
        List.copyOf(m.keySet()));
    assertEquals(List.of("edges", "counts"),
        List.copyOf(((Map<?, ?>) m.get("histogram")).keySet()));
  }
}
