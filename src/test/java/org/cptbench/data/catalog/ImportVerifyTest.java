package org.cptbench.data.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportVerifyTest {
  @TempDir Path tmp;

  private final Map<String, byte[]> mr = CardFixture.files("pos.txt", "good\nfine\n", "neg.txt", "bad\nawful\nworse");
  private final Map<String, byte[]> sts = CardFixture.files("gs/scores.txt", "5.0\n\n1.2\n");
  private final DatasetCard mrCard = CardFixture.card("senti/MR", mr, List.of());
  private final DatasetCard stsCard = CardFixture.card("sim/STS", sts, List.of());

  private Path catalog() throws IOException {
    Path dir = tmp.resolve("catalog");
    CardFixture.writeCard(dir, mrCard);
    CardFixture.writeCard(dir, stsCard);
    return dir;
  }

  @Test
  void cardsRoundTripThroughYamlWithCountedLines() throws IOException {
    Catalog c = Catalog.fromDirectory(catalog());
    assertEquals(List.of("senti/MR", "sim/STS"), c.names());
    assertEquals(2L, c.get("senti/MR").file("pos.txt").lines());
    assertEquals(3L, c.get("senti/MR").file("neg.txt").lines(), "a last line without \\n counts");
    assertEquals(3L, c.get("sim/STS").file("gs/scores.txt").lines());
  }

  @Test
  void importCopiesVerifiesAndSkipsWhatIsAlreadyThere() throws IOException {
    Path src = tmp.resolve("src");
    CardFixture.writeData(src, "senti/MR", mr);
    CardFixture.writeData(src, "sim/STS", sts);
    Path data = tmp.resolve("data");
    StringWriter log = new StringWriter();
    Importer.Result r = Importer.run(src, data, List.of(mrCard, stsCard), false, new PrintWriter(log));
    assertEquals(3, r.copied());
    assertEquals(0, r.skipped());
    assertEquals("good\nfine\n", Files.readString(data.resolve("senti/MR/pos.txt")));
    assertEquals(DatasetStatus.State.VERIFIED, DatasetStatus.of(data, stsCard, true).state());
    Importer.Result again = Importer.run(src, data, List.of(mrCard, stsCard), false, new PrintWriter(log));
    assertEquals(0, again.copied());
    assertEquals(3, again.skipped());
    try (Stream<Path> files = Files.walk(data)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
  }

  @Test
  void importRefusesAFileWithTheWrongHashNamingFileExpectedAndActual() throws IOException {
    Path src = tmp.resolve("src");
    CardFixture.writeData(src, "senti/MR", CardFixture.files("pos.txt", "good\nfine\n", "neg.txt", "bad\nawful\nworst"));
    Path data = tmp.resolve("data");
    CptbenchException e =
        assertThrows(
            CptbenchException.class,
            () -> Importer.run(src, data, List.of(mrCard), true, new PrintWriter(new StringWriter())));
    String expected = CardFixture.sha256(mr.get("neg.txt"));
    String actual = CardFixture.sha256(CardFixture.utf8("bad\nawful\nworst"));
    assertTrue(e.getMessage().contains(src.resolve("senti/MR/neg.txt") + ": sha256 mismatch"), e.getMessage());
    assertTrue(e.getMessage().contains("expected " + expected + ", actual " + actual), e.getMessage());
    assertTrue(Files.exists(data.resolve("senti/MR/pos.txt")), "the good file is imported");
    assertFalse(Files.exists(data.resolve("senti/MR/neg.txt")), "the bad file is not");
    try (Stream<Path> files = Files.walk(data)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
  }

  @Test
  void namedDatasetsMissingFromTheSourceAreErrorsOthersAreSkipped() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    CardFixture.writeData(src, "sim/STS", sts);
    Importer.Result r =
        Importer.run(src, tmp.resolve("d"), List.of(mrCard, stsCard), false, new PrintWriter(new StringWriter()));
    assertEquals(List.of("senti/MR"), r.absent());
    CptbenchException e =
        assertThrows(
            CptbenchException.class,
            () -> Importer.run(src, tmp.resolve("d"), List.of(mrCard), true, new PrintWriter(new StringWriter())));
    assertTrue(e.getMessage().contains("senti/MR: not found in"), e.getMessage());
  }

  @Test
  void requirePresentNamesTheCommandsThatGetTheData() throws IOException {
    Catalog c = Catalog.fromDirectory(catalog());
    Path data = tmp.resolve("data");
    CptbenchException e = assertThrows(CptbenchException.class, () -> Datasets.requirePresent(c, data, "senti/MR"));
    assertTrue(e.getMessage().contains("dataset senti/MR is not in " + data), e.getMessage());
    assertTrue(e.getMessage().contains("`./harness datasets import DIR --only senti/MR`"), e.getMessage());
    assertFalse(e.getMessage().contains("datasets fetch"), "import-only datasets do not suggest fetch");

    CardFixture.writeData(data, "senti/MR", mr);
    assertEquals(data.resolve("senti/MR"), Datasets.requirePresent(c, data, "senti/MR"));

    DatasetCard fetchable =
        CardFixture.card("w/x", CardFixture.files("a.txt", "a\n"), List.of(new Download("https://example.org/a.txt", "a.txt", null, null, null)));
    CptbenchException f =
        assertThrows(CptbenchException.class, () -> Datasets.requirePresent(new Catalog(List.of(fetchable)), data, "w/x"));
    assertTrue(f.getMessage().contains("`./harness datasets fetch w/x`"), f.getMessage());
  }
}
