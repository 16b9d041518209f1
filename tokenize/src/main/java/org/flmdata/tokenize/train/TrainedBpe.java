package org.flmdata.tokenize.train;

import java.util.List;

/**
 * A trained byte-level BPE model.
 *
 * @param vocab tokens by id: special tokens first, then the alphabet (by code point), then merged
 *     tokens in the order they were created
 * @param merges merges by rank, each {@code [left, right]}
 * @param specials how many of the first tokens are special (added) tokens
 * @param words distinct words the merges were learnt from
 */
public record TrainedBpe(List<String> vocab, List<String[]> merges, int specials, long words) {}
