package org.flmdata.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link TikaText#parse} with a time cap on one worker thread, reused record after record (one
 * worker per Spark task). When a parse overruns its time the worker is interrupted and abandoned (a
 * parser in a tight loop may ignore the interrupt) and the next record gets a fresh one; the
 * abandoned thread is a daemon, and once {@value #MAX_STUCK} abandoned threads are still running
 * in this worker no more parses are started, so stuck parsers cannot take every core: the records
 * are counted as timeouts instead. An idle worker thread ends after {@value #IDLE_SECONDS} s.
 */
final class TikaWorker implements AutoCloseable {
  static final int MAX_STUCK = 4;
  static final int IDLE_SECONDS = 30;

  /** How a parse ended. */
  enum Status {
    PARSED,
    FAILED,
    TIMED_OUT
  }

  /**
   * The end of a parse: the result when parsed, else the reason it is not a document ({@link
   * TikaReason#TIMEOUT}, or {@link TikaReason#of} the failure) and a detail for it.
   */
  record Attempt(Status status, TikaText.Result result, String detail, TikaReason reason) {
    static Attempt timedOut(String detail) {
      return new Attempt(Status.TIMED_OUT, null, detail, TikaReason.TIMEOUT);
    }

    static Attempt failed(Throwable failure, String detail) {
      return new Attempt(Status.FAILED, null, detail, TikaReason.of(failure));
    }
  }

  private final long timeoutMs;
  private final List<Thread> abandoned = new ArrayList<>();
  private ThreadPoolExecutor exec;
  private final AtomicReference<Thread> current = new AtomicReference<>();

  /** A worker whose parses may take {@code timeoutMs} milliseconds each. */
  TikaWorker(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /** Parses {@code bytes[0, len)} as {@code baseType} within the time cap; never throws. */
  Attempt parse(byte[] bytes, int len, String baseType, int writeLimit) {
    return parse(bytes, len, baseType, writeLimit, TikaText.DEFAULT_MAX_EXPANDED_BYTES);
  }

  /** As {@link #parse(byte[], int, String, int)}, its parts expanding to at most that many bytes. */
  Attempt parse(byte[] bytes, int len, String baseType, int writeLimit, long maxExpandedBytes) {
    return run(
        () -> TikaText.parse(bytes, len, baseType, writeLimit, maxExpandedBytes), len + " bytes");
  }

  /** Runs {@code parse} on the worker within the time cap; never throws. */
  Attempt run(java.util.concurrent.Callable<TikaText.Result> parse, String what) {
    abandoned.removeIf(t -> !t.isAlive());
    if (abandoned.size() >= MAX_STUCK) {
      return Attempt.timedOut(
          "not started: " + abandoned.size() + " timed-out parses of this task still running");
    }
    if (exec == null) exec = newExecutor();
    Future<TikaText.Result> f;
    try {
      f = exec.submit(parse);
    } catch (RuntimeException e) {
      return Attempt.failed(e, "not started: " + Failures.message(e));
    }
    try {
      return new Attempt(Status.PARSED, f.get(timeoutMs, TimeUnit.MILLISECONDS), null, null);
    } catch (TimeoutException e) {
      f.cancel(true);
      Thread t = current.get();
      exec.shutdownNow();
      exec = null;
      if (t != null && t.isAlive()) abandoned.add(t);
      return Attempt.timedOut("parse of " + what + " ran past " + timeoutMs + " ms");
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      return Attempt.failed(c, detail(c));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return Attempt.failed(e, "interrupted while waiting for the parser");
    }
  }

  /**
   * The failure's message, and its innermost cause's when that says more (Tika wraps a parser's
   * "JAXP00010001: ... more than 20 entity expansions" as "XML parse error").
   */
  static String detail(Throwable c) {
    Throwable root = c;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = Failures.message(c);
    return root == c ? m : m + " <- " + Failures.message(root);
  }

  /** Timed-out parser threads of this worker still running. */
  int stuck() {
    abandoned.removeIf(t -> !t.isAlive());
    return abandoned.size();
  }

  private ThreadPoolExecutor newExecutor() {
    ThreadPoolExecutor e =
        new ThreadPoolExecutor(
            1,
            1,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "flmdata-tika");
              t.setDaemon(true);
              current.set(t);
              return t;
            });
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  /** Stops the worker thread (a running parse is interrupted). */
  @Override
  public void close() {
    ExecutorService e = exec;
    exec = null;
    if (e != null) e.shutdownNow();
  }
}
