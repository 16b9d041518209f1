package org.flmdata.pipeline.ledger;

/**
 * One top-level section of {@code report/stats.json} that a stage contributes ({@link
 * org.flmdata.pipeline.Stage#statsSections}).
 *
 * @param key the section's key in stats.json (stable API: e.g. {@code mix}, {@code compression})
 * @param value a typed record, a list of them, or a JSON-ready tree (maps, lists, strings,
 *     numbers), written as Jackson writes it
 */
public record StatsSection(String key, Object value) {}
