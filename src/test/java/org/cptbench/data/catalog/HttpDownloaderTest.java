package org.cptbench.data.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDownloaderTest {
  @TempDir Path tmp;

  /** 100 KiB of deterministic bytes. */
  static final byte[] BODY = new byte[100 * 1024];

  static {
    for (int i = 0; i < BODY.length; i++) {
      BODY[i] = (byte) (i * 31 + (i >> 8));
    }
  }

  private HttpServer server;
  private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();
  private final StringWriter log = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private HttpDownloader downloader(int attempts) {
    return new HttpDownloader(HttpClient.newHttpClient(), attempts, Duration.ofMillis(5), new PrintWriter(log, true));
  }

  /** Serves BODY with Range support; the first {@code failures} requests get {@code failStatus}. */
  private void serve(String path, int failures, int failStatus) {
    server.createContext(
        path,
        ex -> {
          int n = requests.incrementAndGet();
          String range = ex.getRequestHeaders().getFirst("Range");
          ranges.add(range == null ? "-" : range);
          if (n <= failures) {
            ex.sendResponseHeaders(failStatus, -1);
            ex.close();
            return;
          }
          sendWithRange(ex, range);
        });
  }

  /** Sends BODY, or the requested suffix as 206. */
  static void sendWithRange(HttpExchange ex, String range) throws IOException {
    int from = 0;
    if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
      from = Integer.parseInt(range.substring(6, range.length() - 1));
      ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (BODY.length - 1) + "/" + BODY.length);
      ex.sendResponseHeaders(206, BODY.length - from);
    } else {
      ex.sendResponseHeaders(200, BODY.length);
    }
    try (OutputStream out = ex.getResponseBody()) {
      out.write(BODY, from, BODY.length - from);
    }
  }

  @Test
  void retriesServerErrorsWithBackoff() throws IOException {
    serve("/f", 2, 503);
    Path target = tmp.resolve("f.bin");
    downloader(3).download(url("/f"), target, CardFixture.sha256(BODY));
    assertArrayEquals(BODY, Files.readAllBytes(target));
    assertEquals(3, requests.get());
    assertTrue(log.toString().contains("attempt 1/3 failed (HTTP 503)"), log.toString());
    assertFalse(Files.exists(HttpDownloader.partFile(target)));
  }

  @Test
  void resumesAPartialDownloadWithARangeRequest() throws IOException {
    serve("/f", 0, 0);
    Path target = tmp.resolve("f.bin");
    Files.write(HttpDownloader.partFile(target), java.util.Arrays.copyOf(BODY, 40_000));
    downloader(1).download(url("/f"), target, CardFixture.sha256(BODY));
    assertEquals(List.of("bytes=40000-"), ranges);
    assertArrayEquals(BODY, Files.readAllBytes(target));
  }

  /**
   * A connection dropped mid-body (a raw socket server: com.sun's HttpServer keeps the connection open when a handler
   * writes too few bytes): the first answer announces the full length, sends 30,000 bytes and closes; the second
   * request must ask for the rest with a Range header.
   */
  @Test
  void aConnectionDroppedMidBodyIsResumedOnTheNextAttempt() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t =
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 2; i++) {
                      try (Socket c = socket.accept()) {
                        String range = readRange(c.getInputStream());
                        ranges.add(range == null ? "-" : range);
                        OutputStream out = c.getOutputStream();
                        if (range == null) {
                          out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                          out.write(BODY, 0, 30_000);
                        } else {
                          int from = Integer.parseInt(range.substring(6, range.length() - 1));
                          out.write(("HTTP/1.1 206 Partial Content\r\nContent-Length: " + (BODY.length - from)
                                  + "\r\nContent-Range: bytes " + from + "-" + (BODY.length - 1) + "/" + BODY.length
                                  + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                          out.write(BODY, from, BODY.length - from);
                        }
                        out.flush();
                        // a graceful close: FIN after the bytes, then wait for the client to hang up. Closing
                        // at once can reset the connection and drop bytes the client has not read yet.
                        c.shutdownOutput();
                        c.setSoTimeout(10_000);
                        InputStream in = c.getInputStream();
                        while (in.read() >= 0) {
                          // drain until the client closes
                        }
                      } catch (IOException e) {
                        return;
                      }
                    }
                  });
      Path target = tmp.resolve("flaky.bin");
      downloader(3).download("http://127.0.0.1:" + socket.getLocalPort() + "/flaky", target, CardFixture.sha256(BODY));
      t.join(10_000);
      assertArrayEquals(BODY, Files.readAllBytes(target));
      assertEquals(List.of("-", "bytes=30000-"), ranges);
      assertTrue(log.toString().contains("attempt 1/3 failed"), log.toString());
    }
  }

  /** Reads request headers up to the blank line; returns the Range header value or null. */
  private static String readRange(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      sb.append((char) b);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    for (String line : sb.toString().split("\r\n")) {
      if (line.regionMatches(true, 0, "Range:", 0, 6)) {
        return line.substring(6).strip();
      }
    }
    return null;
  }

  @Test
  void notFoundFailsAtOnceAndWrongHashDeletesThePart() {
    server.createContext(
        "/missing",
        ex -> {
          requests.incrementAndGet();
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    Path target = tmp.resolve("m.bin");
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> downloader(4).download(url("/missing"), target, null));
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertEquals(1, requests.get());

    serve("/f", 0, 0);
    String wrong = "0".repeat(64);
    CptbenchException bad =
        assertThrows(CptbenchException.class, () -> downloader(1).download(url("/f"), target, wrong));
    assertTrue(bad.getMessage().contains("sha256 mismatch: expected " + wrong + ", actual " + CardFixture.sha256(BODY)), bad.getMessage());
    assertFalse(Files.exists(target));
    assertFalse(Files.exists(HttpDownloader.partFile(target)));
  }

  @Test
  void givesUpAfterMaxAttemptsKeepingThePart() {
    serve("/down", 99, 500);
    Path target = tmp.resolve("d.bin");
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> downloader(2).download(url("/down"), target, null));
    assertTrue(e.getMessage().contains("failed after 2 attempts"), e.getMessage());
    assertEquals(2, requests.get());
  }

  @Test
  void refusesPlainHttpToOtherHosts() {
    CptbenchException e =
        assertThrows(
            CptbenchException.class, () -> downloader(1).download("http://example.org/x", tmp.resolve("x"), null));
    assertTrue(e.getMessage().contains("only https://"), e.getMessage());
  }
}
