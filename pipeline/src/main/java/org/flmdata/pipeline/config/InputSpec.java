package org.flmdata.pipeline.config;

import java.io.Serializable;

/**
 * One input of a domain: a path or glob (local or {@code s3a://}), resolved against the domain
 * file's folder, and how to read it.
 *
 * @param path resolved path or glob
 * @param format how to read each file
 * @param source the subset name written to {@code Document.source}
 * @param textField JSONL/Parquet field with the text
 * @param idField JSONL/Parquet field with a stable id, or null to derive one from file + position
 * @param langField JSONL/Parquet field with a language code, or null to identify the language
 * @param urlField JSONL/Parquet field with the URL, or null
 * @param perLine for {@code text}: one document per line instead of per file
 */
public record InputSpec(
    String path,
    InputFormat format,
    String source,
    String textField,
    String idField,
    String langField,
    String urlField,
    boolean perLine)
    implements Serializable {}
