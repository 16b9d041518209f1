package org.flmdata.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flmdata.pipeline.testing.Prerequisites;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver over the W3C WebDriver protocol,
 * to look at a local page the way a reader does. The page's own network activity comes from
 * Chromium's performance log (DevTools {@code Network.requestWillBeSent} events of the page, not
 * the browser's background traffic); in addition every connection goes to an unused loopback
 * port as proxy, so nothing can leave the machine. Flags as the machine notes advise: no sandbox
 * (root), no GPU, no QUIC, no background networking, a fresh profile.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;
  private final Path profile;

  HeadlessChromium(int width, int height) throws IOException, InterruptedException {
    int port = LoopbackPort.free();
    int deadProxy = LoopbackPort.free();
    profile = Files.createTempDirectory("chromium-profile");
    driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    base = "http://127.0.0.1:" + port;
    waitForDriver();
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
    always.put("browserName", "chrome");
    ObjectNode chrome = always.putObject("goog:chromeOptions");
    chrome.put("binary", BINARY.toString());
    var args = chrome.putArray("args");
    for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
        "--proxy-server=http://127.0.0.1:" + deadProxy, "--proxy-bypass-list=<-loopback>")) {
      args.add(a);
    }
    always.putObject("goog:loggingPrefs").put("performance", "ALL");
    session = call("POST", "/session", caps).path("sessionId").asText();
    if (session.isEmpty()) throw new IOException("chromedriver gave no session");
  }

  static boolean available() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /**
   * Returns when Chromium and ChromeDriver are installed; else skips the calling test, or fails it
   * under CI ({@link Prerequisites#require}).
   */
  static void require() {
    Prerequisites.require(available(), "chromium or chromedriver not installed (" + BINARY + ", "
        + DRIVER + "): run tests/setup/install-chromium.sh (as .ci/run does)");
  }

  /**
   * Opens {@code page} and waits for it to load (WebDriver's default page-load strategy); the
   * performance log is drained first, so {@link #pageRequests} reports this page only (not the
   * browser's start page).
   */
  void open(Path page) throws IOException, InterruptedException {
    requests();
    ObjectNode body = JSON.createObjectNode().put("url", page.toAbsolutePath().toUri().toString());
    call("POST", "/session/" + session + "/url", body);
  }

  /** Runs {@code script} in the page and returns its result. */
  JsonNode eval(String script) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("script", script);
    body.putArray("args");
    return call("POST", "/session/" + session + "/execute/sync", body);
  }

  /** Writes a PNG screenshot of the viewport to {@code png}. */
  void screenshot(Path png) throws IOException, InterruptedException {
    String b64 = call("GET", "/session/" + session + "/screenshot", null).asText();
    Files.write(png, Base64.getDecoder().decode(b64));
  }

  /**
   * URLs of the requests made for the document {@code page} (DevTools' {@code documentURL}: the
   * page itself and whatever it loads), since it was opened.
   */
  List<String> pageRequests(Path page) throws IOException, InterruptedException {
    String url = page.toAbsolutePath().toUri().toString();
    List<String> out = new ArrayList<>();
    for (JsonNode params : requests()) {
      if (params.path("documentURL").asText().equals(url)) {
        out.add(params.path("request").path("url").asText());
      }
    }
    return out;
  }

  /** The {@code Network.requestWillBeSent} events logged since the last call. */
  private List<JsonNode> requests() throws IOException, InterruptedException {
    JsonNode entries = call("POST", "/session/" + session + "/se/log",
        JSON.createObjectNode().put("type", "performance"));
    List<JsonNode> events = new ArrayList<>();
    for (JsonNode e : entries) {
      JsonNode msg = JSON.readTree(e.path("message").asText()).path("message");
      if (msg.path("method").asText().equals("Network.requestWillBeSent")) {
        events.add(msg.path("params"));
      }
    }
    return events;
  }

  private JsonNode call(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode v = JSON.readTree(r.body()).path("value");
    if (r.statusCode() != 200) {
      throw new IOException("WebDriver " + method + " " + path + " -> " + r.statusCode() + ": "
          + v.path("message").asText(r.body()));
    }
    return v;
  }

  private void waitForDriver() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      if (!driver.isAlive()) throw new IOException("chromedriver exited " + driver.exitValue());
      Thread.sleep(100);
    }
    throw new IOException("chromedriver did not start in 30 s");
  }

  @Override
  public void close() throws IOException {
    try {
      call("DELETE", "/session/" + session, null);
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the driver goes anyway
    } finally {
      driver.destroy();
      try {
        if (!driver.waitFor(10, TimeUnit.SECONDS)) driver.destroyForcibly();
      } catch (InterruptedException e) {
        driver.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
