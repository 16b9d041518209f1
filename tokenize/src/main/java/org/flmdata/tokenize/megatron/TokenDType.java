package org.flmdata.tokenize.megatron;

/**
 * The token dtypes a Megatron-LM indexed dataset may hold, with the numeric codes of
 * {@code megatron/core/datasets/indexed_dataset.py} ({@code DType}). We write only
 * {@link #UINT16} and {@link #INT32}, chosen by vocabulary size exactly as Megatron's
 * {@code DType.optimal_dtype(cardinality)}: uint16 when the vocabulary is under 65,500, else int32.
 */
public enum TokenDType {
  UINT8(1, 1),
  INT8(2, 1),
  INT16(3, 2),
  INT32(4, 4),
  INT64(5, 8),
  FLOAT64(6, 8),
  FLOAT32(7, 4),
  UINT16(8, 2);

  /** Megatron's threshold: {@code cardinality < 65500} gives uint16. */
  public static final int UINT16_VOCAB_LIMIT = 65_500;

  private final int code;
  private final int size;

  TokenDType(int code, int size) {
    this.code = code;
    this.size = size;
  }

  /** The byte written after the version in the {@code .idx} header. */
  public int code() {
    return code;
  }

  /** Bytes per token in the {@code .bin} file. */
  public int size() {
    return size;
  }

  /** Megatron's {@code optimal_dtype}: uint16 for a vocabulary under 65,500, else int32. */
  public static TokenDType forVocabSize(int vocabSize) {
    return vocabSize < UINT16_VOCAB_LIMIT ? UINT16 : INT32;
  }

  /** The dtype of a header code; a clear error for a code Megatron does not define. */
  public static TokenDType fromCode(int code) {
    for (TokenDType t : values()) {
      if (t.code == code) return t;
    }
    throw new IllegalArgumentException("unknown Megatron dtype code " + code);
  }
}
