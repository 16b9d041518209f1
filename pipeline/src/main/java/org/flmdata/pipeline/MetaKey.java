package org.flmdata.pipeline;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * One key of {@link Document#getMeta()}: its name, the type of its (string) value and what it
 * means. Every key that one module writes and another reads is declared once, in {@link MetaKeys}.
 *
 * @param name the key as stored in meta
 * @param type how the string value reads
 * @param meaning who writes it and what it says
 */
public record MetaKey(String name, Type type, String meaning) implements Serializable {

  /** How a value reads: text, a whole number (decimal digits) or a decimal number. */
  public enum Type {
    TEXT("string"),
    WHOLE("long"),
    DECIMAL("double");

    private final String sqlType;

    Type(String sqlType) {
      this.sqlType = sqlType;
    }
  }

  static MetaKey text(String name, String meaning) {
    return new MetaKey(name, Type.TEXT, meaning);
  }

  static MetaKey whole(String name, String meaning) {
    return new MetaKey(name, Type.WHOLE, meaning);
  }

  static MetaKey decimal(String name, String meaning) {
    return new MetaKey(name, Type.DECIMAL, meaning);
  }

  /** The value as stored (a string column; null where absent). */
  public Column raw() {
    return col("meta").getItem(name);
  }

  /** The value as its type (null where absent; a value that does not read as one fails as casts do). */
  public Column column() {
    return type == Type.TEXT ? raw() : raw().cast(type.sqlType);
  }

  /** The value in {@code meta} (null-safe), or null. */
  public String of(Map<String, String> meta) {
    return meta == null ? null : meta.get(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
