package org.flmdata.tests;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A child process the test JVM owns: started with a shutdown hook, so a test run killed midway
 * does not leave JVMs behind; {@link #close()} ends it and its descendants and removes the hook.
 */
final class ChildProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final String name;
  private final Process process;
  private final Thread hook;

  private ChildProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.hook = new Thread(() -> destroyTree(process), "destroy " + name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static ChildProcess start(String name, ProcessBuilder builder) throws IOException {
    return new ChildProcess(name, builder.start());
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code timeout}; true if the process has ended. */
  boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The exit code; only once the process has ended. */
  int exitCode() {
    return process.exitValue();
  }

  /** SIGKILL to the process and its descendants (no shutdown hooks run), then waits for it. */
  void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    destroyTree(process);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing left to undo
    }
  }

  private static void destroyTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }
}
