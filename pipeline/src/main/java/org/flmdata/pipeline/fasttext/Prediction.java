package org.flmdata.pipeline.fasttext;

import java.io.Serializable;

/**
 * One label of a fastText prediction with its probability, as {@code fasttext predict-prob} prints
 * it: {@code label} as the model names it (e.g. {@code __label__en}), {@code prob} in [0, 1].
 */
public record Prediction(String label, double prob) implements Serializable {}
