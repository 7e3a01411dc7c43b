package org.cptbench.data.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {
  @TempDir Path tmp;
  private HttpServer server;
  private final List<String> served = Collections.synchronizedList(new ArrayList<>());
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

  private String serve(String path, Path file) {
    server.createContext(
        path,
        ex -> {
          served.add(path);
          byte[] data = Files.readAllBytes(file);
          ex.sendResponseHeaders(200, data.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(data);
          }
        });
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private HttpDownloader http() {
    return new HttpDownloader(HttpClient.newHttpClient(), 2, Duration.ofMillis(5), new PrintWriter(log, true));
  }

  @Test
  void fetchesPlainFilesAndZipMembersAndSkipsVerifiedOnes() throws IOException {
    Path web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("a.txt"), "one\ntwo\n");
    ArchivesTest.zip(web.resolve("pack.zip"), "inner/b.tsv", "x\ty\n", "README", "not catalogued");
    String plainUrl = serve("/files/a.txt", web.resolve("a.txt"));
    String zipUrl = serve("/pack.zip", web.resolve("pack.zip"));
    DatasetCard card =
        CardFixture.card(
            "test/web",
            CardFixture.files("a.txt", "one\ntwo\n", "sub/b.tsv", "x\ty\n"),
            List.of(
                new Download(plainUrl, "a.txt", null, null, null),
                new Download(zipUrl, null, ArchiveFormat.ZIP, Map.of("inner/b.tsv", "sub/b.tsv"), null)));
    Path data = tmp.resolve("data");
    assertEquals(2, Fetcher.fetch(card, data, http(), new PrintWriter(log, true)));
    assertEquals("one\ntwo\n", Files.readString(data.resolve("test/web/a.txt")));
    assertEquals("x\ty\n", Files.readString(data.resolve("test/web/sub/b.tsv")));
    assertFalse(Files.exists(data.resolve("test/web/README")), "only listed members are placed");
    assertEquals(DatasetStatus.State.VERIFIED, DatasetStatus.of(data, card, true).state());
    try (Stream<Path> left = Files.list(data.resolve("test/web"))) {
      assertEquals(List.of("a.txt", "sub"), left.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging folder or .part file is left behind");
    }
    assertEquals(List.of("/files/a.txt", "/pack.zip"), served);

    assertEquals(0, Fetcher.fetch(card, data, http(), new PrintWriter(log, true)));
    assertEquals(2, served.size(), "verified files are not downloaded again");
  }

  @Test
  void aServedFileWithTheWrongHashIsNotPlaced() throws IOException {
    Path web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("a.txt"), "tampered\n");
    String url = serve("/a.txt", web.resolve("a.txt"));
    DatasetCard card =
        CardFixture.card("t/x", CardFixture.files("a.txt", "original\n"), List.of(new Download(url, "a.txt", null, null, null)));
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> Fetcher.fetch(card, tmp.resolve("data"), http(), new PrintWriter(log)));
    assertTrue(e.getMessage().contains("sha256 mismatch: expected " + CardFixture.sha256(CardFixture.utf8("original\n"))), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("data/t/x/a.txt")));
  }

  @Test
  void aZipWithAnEscapingEntryIsRefused() throws IOException {
    Path web = Files.createDirectories(tmp.resolve("web"));
    ArchivesTest.zip(web.resolve("evil.zip"), "b.tsv", "x\n", "../evil", "pwned");
    String url = serve("/evil.zip", web.resolve("evil.zip"));
    DatasetCard card =
        CardFixture.card(
            "t/slip", CardFixture.files("b.tsv", "x\n"), List.of(new Download(url, null, ArchiveFormat.ZIP, Map.of("b.tsv", "b.tsv"), null)));
    Path data = tmp.resolve("data");
    CptbenchException e = assertThrows(CptbenchException.class, () -> Fetcher.fetch(card, data, http(), new PrintWriter(log)));
    assertTrue(e.getMessage().contains("refusing entry '../evil'"), e.getMessage());
    assertFalse(Files.exists(data.resolve("t/slip/b.tsv")));
    assertFalse(Files.exists(data.resolve("t/slip")) && hasChildren(data.resolve("t/slip")), "staging folder removed");
    try (Stream<Path> all = Files.walk(tmp)) {
      assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("evil")), "no escaped file anywhere");
    }
  }

  @Test
  void cardsWithDerivedFilesAreRefusedBeforeDownloading() {
    DatasetCard card = CardFixture.card("t/derived", CardFixture.files("a.txt", "x\n"), List.of());
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> Fetcher.fetch(card, tmp, http(), new PrintWriter(log)));
    assertTrue(e.getMessage().contains("no download for a.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("./harness datasets import DIR"), e.getMessage());
  }

  private static boolean hasChildren(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }
}
