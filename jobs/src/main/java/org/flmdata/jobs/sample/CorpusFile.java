package org.flmdata.jobs.sample;

/**
 * One file of the sample corpus.
 *
 * @param path path relative to the corpus folder, '/'-separated
 * @param domain the Table 1 domain whose config reads it
 * @param format input format key (warc, html, jsonl, text)
 * @param documents what a reader sees as candidate documents: WARC response records, one HTML
 *     page, JSONL lines, one text file or its lines
 * @param records WARC records for WARC files (warcinfo, request, response, metadata), else the
 *     same as documents
 * @param bytes file size on disk
 */
public record CorpusFile(
    String path, String domain, String format, int documents, int records, long bytes) {}
