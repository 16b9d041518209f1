package org.flmdata.pipeline.run;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress lines of a running stage, logged at a steady interval besides Spark's console bar:
 * tasks done, records and bytes read, the read rate, and an ETA when the stage's input size is
 * known (bytes read against it). Figures come from Spark's task metrics through a listener on the
 * driver: they are for watching only (a retried task counts twice), never for the ledger.
 *
 * <p>Interval: Spark conf {@value #INTERVAL_KEY} in seconds (default 30; 0 turns it off).
 */
public final class Progress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  public static final String INTERVAL_KEY = "spark.flmdata.progress.seconds";

  private final SparkContext sc;
  private final String stage;
  private final long inputBytes;
  private final long startNanos = System.nanoTime();
  private final AtomicLong tasksTotal = new AtomicLong();
  private final AtomicLong tasksDone = new AtomicLong();
  private final AtomicLong recordsRead = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong recordsWritten = new AtomicLong();
  private final ScheduledExecutorService timer;

  private Progress(SparkContext sc, String stage, long inputBytes, long intervalSeconds) {
    this.sc = sc;
    this.stage = stage;
    this.inputBytes = inputBytes;
    if (intervalSeconds > 0) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flmdata-progress-" + stage);
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(() -> LOG.info(line()), intervalSeconds, intervalSeconds,
          TimeUnit.SECONDS);
    } else {
      timer = null;
    }
  }

  /**
   * Starts reporting {@code stage}; close the result when the stage ends.
   *
   * @param inputBytes size of the stage's input in bytes, or a negative number when unknown
   */
  public static Progress start(SparkContext sc, String stage, long inputBytes) {
    long interval = sc.getConf().getLong(INTERVAL_KEY, 30);
    Progress p = new Progress(sc, stage, inputBytes, interval);
    sc.addSparkListener(p);
    return p;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    tasksTotal.addAndGet(e.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    tasksDone.incrementAndGet();
    TaskMetrics m = e.taskMetrics();
    if (m == null) return;
    recordsRead.addAndGet(m.inputMetrics().recordsRead());
    bytesRead.addAndGet(m.inputMetrics().bytesRead());
    recordsWritten.addAndGet(m.outputMetrics().recordsWritten());
  }

  /** The current progress line. */
  public String line() {
    double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long read = bytesRead.get();
    double rate = read / secs;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "%s: %,d/%,d tasks, %,d records read, %.1f MB read (%.2f MB/s), %,d records written, %s",
        stage, tasksDone.get(), tasksTotal.get(), recordsRead.get(), read / 1e6, rate / 1e6,
        recordsWritten.get(), clock(secs)));
    // a stage that reads its input more than once (dedup) outgrows it: no share, no ETA then
    if (inputBytes > 0 && read > 0 && read < inputBytes) {
      double done = (double) read / inputBytes;
      s.append(String.format(Locale.ROOT, ", %.0f%% of %.1f MB input, ETA %s", done * 100,
          inputBytes / 1e6, clock(secs * (1 - done) / done)));
    }
    return s.toString();
  }

  private static String clock(double secs) {
    long s = Math.round(secs);
    return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
  }

  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
    sc.removeSparkListener(this);
  }
}
