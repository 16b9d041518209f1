package org.flmdata.dedup;

import java.io.Serializable;
import java.util.Locale;

/** Resolved MinHash settings for one language: shingle unit and size, bands x rows. */
public record MinHashParams(ShingleUnit unit, int shingleSize, int bands, int rows)
    implements Serializable {

  public static MinHashParams of(MinHashPreset p) {
    return new MinHashParams(p.unit, p.shingleSize, p.bands, p.rows);
  }

  /** A preset with explicit overrides (0 keeps the preset's value). */
  public MinHashParams with(int shingleSize, int bands, int rows) {
    return new MinHashParams(unit, shingleSize > 0 ? shingleSize : this.shingleSize,
        bands > 0 ? bands : this.bands, rows > 0 ? rows : this.rows);
  }

  /** E.g. {@code 5-word shingles}. */
  public String shingles() {
    return shingleSize + "-" + unit.name().toLowerCase(Locale.ROOT) + " shingles";
  }
}
