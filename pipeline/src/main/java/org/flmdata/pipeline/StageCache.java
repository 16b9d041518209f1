package org.flmdata.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;

/**
 * What a stage persisted while it ran, released by the runner once the stage's output is written
 * (and its {@link Stage#afterWrite} done): a stage persists what its outcomes read more than once
 * through here and never has to guess when the write that reads it is over. Driver-side only.
 */
public final class StageCache {
  private final List<Dataset<?>> datasets = new ArrayList<>();
  private final List<JavaRDD<?>> rdds = new ArrayList<>();

  /** {@code ds} persisted at {@code level}, released with the stage. */
  public <T> Dataset<T> persist(Dataset<T> ds, StorageLevel level) {
    Dataset<T> p = ds.persist(level);
    datasets.add(p);
    return p;
  }

  /** {@code rdd} persisted at {@code level}, released with the stage. */
  public <T> JavaRDD<T> persist(JavaRDD<T> rdd, StorageLevel level) {
    JavaRDD<T> p = rdd.persist(level);
    rdds.add(p);
    return p;
  }

  /** How many Datasets and RDDs are held. */
  public int size() {
    return datasets.size() + rdds.size();
  }

  /** Unpersists everything held (without blocking) and forgets it. */
  public void release() {
    for (Dataset<?> d : datasets) d.unpersist(false);
    for (JavaRDD<?> r : rdds) r.unpersist(false);
    datasets.clear();
    rdds.clear();
  }
}
