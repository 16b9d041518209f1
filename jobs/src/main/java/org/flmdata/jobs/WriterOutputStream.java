package org.flmdata.jobs;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Bytes written here go to a PrintWriter as UTF-8 text (picocli's out is a Writer). */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter out;
  private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

  WriterOutputStream(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    line.write(b);
    if (b == '\n') flush();
  }

  @Override
  public void flush() {
    out.print(line.toString(StandardCharsets.UTF_8));
    out.flush();
    line.reset();
  }
}
