package org.flmdata.tokenize.bpe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The parity texts for tests in other packages. */
public final class ParityTextsAccess {
  private ParityTextsAccess() {}

  public static List<String> build(Path shared) throws IOException {
    return ParityTexts.build(shared);
  }
}
