package org.flmdata.filter;

import java.io.Serializable;
import org.apache.spark.SparkFiles;

/**
 * Where an executor finds a model file: a local path (the same on every node: a shared mount, or
 * local mode), or, for a model on a distributed file system ({@code s3a://}, {@code hdfs://}),
 * the name under which {@code SparkContext.addFile} ships it to every executor.
 *
 * @param configured the path as the domain file gives it (for messages)
 * @param local the local path, or null when shipped with addFile
 * @param sparkFile the addFile name, or null for a local path
 */
record ModelRef(String configured, String local, String sparkFile) implements Serializable {

  /** The local file to load, on the driver or an executor. */
  String localPath() {
    return local != null ? local : SparkFiles.get(sparkFile);
  }
}
