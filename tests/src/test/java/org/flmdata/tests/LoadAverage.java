package org.flmdata.tests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How shared the machine was while a benchmark ran: what benchmarks print beside their figures. */
public final class LoadAverage {
  private LoadAverage() {}

  /**
   * {@code /proc/loadavg} as it reads (1, 5 and 15-minute averages, runnable/total tasks, last
   * pid); elsewhere the JVM's 1-minute average.
   */
  public static String now() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** The 1-minute average alone. */
  public static String oneMinute() {
    return now().split(" ")[0];
  }
}
