package org.flmdata.extract;

import java.io.Serializable;
import org.flmdata.pipeline.config.InputSpec;

/**
 * What executors need to read one input of one domain: small, serializable, built on the driver
 * from the domain file. No session, loader or Hadoop configuration travels in it.
 *
 * @param domain the domain name written to every document
 * @param languages the domain's languages
 * @param input the input: path, format, source and field names
 * @param maxRecordBytes {@code extract.max_record_bytes}
 * @param minTextChars {@code extract.min_text_chars}
 * @param htmlMode {@code extract.html_mode}: how much of an HTML page is kept
 * @param maxUndecodableShare {@code extract.max_undecodable_share}
 * @param maxTikaBytes {@code extract.max_tika_bytes}
 * @param tikaTimeoutMs {@code extract.tika_timeout_ms}
 * @param includeTitle {@code extract.include_title}: the headline starts an HTML page's text
 */
record InputContext(
    String domain,
    DomainLanguages languages,
    InputSpec input,
    long maxRecordBytes,
    int minTextChars,
    String htmlMode,
    double maxUndecodableShare,
    long maxTikaBytes,
    long tikaTimeoutMs,
    boolean includeTitle)
    implements Serializable {}
