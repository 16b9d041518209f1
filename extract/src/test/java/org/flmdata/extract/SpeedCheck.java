package org.flmdata.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A one-JVM speed and identity check of {@link HtmlExtractor} on the WCXB dev pages: per mode, the
 * thread-CPU rate in MB of HTML per second (each page seen once per mode) and a SHA-256 of every
 * page's title and text, so that a change meant to be only faster can show it changes no output.
 *
 * <pre>
 * java -cp ... org.flmdata.extract.SpeedCheck ../shared/data/extraction/wcxb-dev [mode ...]
 * </pre>
 */
public final class SpeedCheck {
  private SpeedCheck() {}

  public static void main(String[] args) throws Exception {
    List<WcxbDev.Page> pages = WcxbDev.load(Path.of(args[0]));
    List<byte[]> html = new ArrayList<>();
    long bytes = 0;
    for (WcxbDev.Page p : pages) {
      byte[] b = p.html();
      html.add(b);
      bytes += b.length;
    }
    List<String> modes =
        args.length > 1 ? List.of(args).subList(1, args.length) : List.of("balanced", "learned");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String mode : modes) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      long t0 = mx.getCurrentThreadCpuTime();
      for (byte[] b : html) {
        HtmlExtractor.Page r = HtmlExtractor.extract(b, b.length, null, mode);
        md.update(r.title().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(r.text().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 1);
      }
      double s = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
      System.out.printf(
          "%-9s %6.1f MB/s/core  (%.1f MB in %.1f s cpu)  sha256 %s%n",
          mode, bytes / 1e6 / s, bytes / 1e6, s, HexFormat.of().formatHex(md.digest()));
    }
  }
}
