package org.cptbench.data.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;

/**
 * Downloads one URL to a file with {@link HttpClient}: the bytes go to {@code <target>.part}; an existing
 * {@code .part} is resumed with an HTTP {@code Range: bytes=<size>-} request (a {@code 206} whose
 * {@code Content-Range} starts at that size is appended, a {@code 200} restarts from zero); failed attempts
 * (connection errors, truncated bodies, HTTP 408/429/5xx) are retried up to {@code maxAttempts} times with
 * exponential backoff {@code initialBackoff * 2^(attempt-1)}, keeping the partial bytes; other HTTP errors fail at
 * once. When complete, the sha256 is checked (when expected) and the {@code .part} renamed onto the target
 * atomically; a wrong hash deletes the {@code .part} and fails naming URL, expected and actual hash.
 */
public final class HttpDownloader {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final HttpClient client;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final PrintWriter log;

  public HttpDownloader(HttpClient client, int maxAttempts, Duration initialBackoff, PrintWriter log) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: " + maxAttempts + ", must be >= 1");
    }
    this.client = client;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.log = log;
  }

  /** 5 attempts, 2 s initial backoff, redirects followed (not from https to http), 30 s connect timeout. */
  public static HttpDownloader standard(PrintWriter log) {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    return new HttpDownloader(client, 5, Duration.ofSeconds(2), log);
  }

  /** The partial-download file of a target. */
  public static Path partFile(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  /**
   * Downloads {@code url} to {@code target}.
   *
   * @param expectedSha256 the file's sha256, or null to skip the check
   */
  public void download(String url, Path target, String expectedSha256) {
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && Download.isLoopback(uri.getHost()))) {
      throw new CptbenchException("refusing to download " + url + ": only https:// URLs are fetched");
    }
    Path part = partFile(target);
    IOException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        if (attempt(uri, part)) {
          finish(url, part, target, expectedSha256);
          return;
        }
      } catch (RetryableException | IOException e) {
        last = e instanceof IOException io ? io : new IOException(e.getMessage());
        long size = sizeOrZero(part);
        log.println("download " + url + ": attempt " + attempt + "/" + maxAttempts + " failed (" + e.getMessage()
            + "); " + size + " bytes kept in " + part);
        log.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CptbenchException("download of " + url + " interrupted", e);
      }
      if (attempt < maxAttempts) {
        sleep(initialBackoff.multipliedBy(1L << (attempt - 1)));
      }
    }
    throw new CptbenchException(
        "download of " + url + " failed after " + maxAttempts + " attempts: " + last.getMessage()
            + " (partial bytes kept in " + part + "; run the command again to resume)",
        last);
  }

  /** One request; true when the part file now holds the whole body. */
  private boolean attempt(URI uri, Path part) throws IOException, InterruptedException, RetryableException {
    long have = sizeOrZero(part);
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
    if (have > 0) {
      req.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    int status = resp.statusCode();
    try (InputStream body = resp.body()) {
      if (status == 416 && have > 0) {
        // The part already holds everything the server has; the hash check decides.
        return true;
      }
      if (status == 408 || status == 429 || status >= 500) {
        throw new RetryableException("HTTP " + status);
      }
      boolean append;
      if (status == 206 && have > 0) {
        String range = resp.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(range);
        if (!m.matches() || Long.parseLong(m.group(1)) != have) {
          throw new RetryableException("unexpected Content-Range '" + range + "' for a resume at byte " + have);
        }
        append = true;
      } else if (status == 200) {
        append = false;
      } else {
        throw new CptbenchException("download of " + uri + " failed: HTTP " + status);
      }
      long expectedLength = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
      long got;
      Files.createDirectories(part.toAbsolutePath().getParent());
      try (OutputStream out =
          append
              ? Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
              : Files.newOutputStream(part)) {
        got = copy(body, out);
      }
      if (expectedLength >= 0 && got != expectedLength) {
        throw new RetryableException("body truncated: " + got + " of " + expectedLength + " bytes");
      }
      return true;
    }
  }

  /** Copies and flushes as it goes, so that the bytes read before a broken connection stay in the part file. */
  private static long copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    try {
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        total += n;
      }
    } finally {
      out.flush();
    }
    return total;
  }

  private void finish(String url, Path part, Path target, String expectedSha256) throws IOException {
    if (expectedSha256 != null) {
      String actual = FileCheck.sha256(part);
      if (!actual.equals(expectedSha256)) {
        Files.deleteIfExists(part);
        throw new CptbenchException(
            "download of " + url + ": sha256 mismatch: expected " + expectedSha256 + ", actual " + actual
                + " (partial file deleted)");
      }
    }
    AtomicFiles.move(part, target);
  }

  private static long sizeOrZero(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CptbenchException("download interrupted", e);
    }
  }

  /** A failure worth another attempt (server overload, truncated body, odd resume answer). */
  private static final class RetryableException extends Exception {
    private static final long serialVersionUID = 1L;

    RetryableException(String message) {
      super(message);
    }
  }
}
