package org.cptbench.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighbourPairsTest {
  static final List<Document> DOCS =
      List.of(
          new Document("d1", List.of("a1", "b22", "c333", "d4444")),
          new Document("d2", List.of("only one")),
          new Document("d3", List.of("x", "yy")));

  static List<String> flat(List<TextPair> pairs) {
    return pairs.stream().map(p -> p.x() + "|" + p.y()).toList();
  }

  @Test
  void windowOneWithinDocumentsOnly() {
    assertEquals(
        List.of("a1|b22", "b22|c333", "c333|d4444", "x|yy"),
        flat(NeighbourPairs.of(DOCS, NeighbourPairs.Options.defaults())));
  }

  @Test
  void windowTwoInOrder() {
    assertEquals(
        List.of("a1|b22", "a1|c333", "b22|c333", "b22|d4444", "c333|d4444", "x|yy"),
        flat(NeighbourPairs.of(DOCS, new NeighbourPairs.Options(2, 1, 1))));
  }

  @Test
  void chunksOfTwoUnits() {
    assertEquals(
        List.of("a1 b22|c333 d4444"), flat(NeighbourPairs.of(DOCS, new NeighbourPairs.Options(1, 2, 1))));
    // three units in chunks of two: [a b] [c] -- the last chunk is shorter
    assertEquals(
        List.of("a b|c"),
        flat(NeighbourPairs.of(List.of(new Document("d", List.of("a", "b", "c"))), new NeighbourPairs.Options(3, 2, 1))));
  }

  @Test
  void minCharsDropsShortSidesCountingCodePoints() {
    assertEquals(
        List.of("b22|c333", "c333|d4444"), flat(NeighbourPairs.of(DOCS, new NeighbourPairs.Options(1, 1, 3))));
    // two emoji = 2 code points (4 UTF-16 chars): shorter than 3
    List<Document> emoji = List.of(new Document("e", List.of("😀😀", "abc", "😀😀😀")));
    assertEquals(List.of("abc|😀😀😀"), flat(NeighbourPairs.of(emoji, new NeighbourPairs.Options(1, 1, 3))));
  }

  @Test
  void optionsValidateWithFieldNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new NeighbourPairs.Options(0, 1, 1));
    assertTrue(e.getMessage().startsWith("window: 0"), e.getMessage());
  }

  @Test
  void pairFilesJsonlAndTsv(@TempDir Path dir) throws IOException {
    Path jsonl = dir.resolve("pairs.jsonl");
    Files.writeString(jsonl, "{\"x\": \"q one\", \"y\": \"answer one\", \"extra\": 1}\n\n{\"x\": \"q2\", \"y\": \"a\\tb\"}\n");
    assertEquals(
        List.of(new TextPair("q one", "answer one"), new TextPair("q2", "a\tb")), PairFileReader.read(jsonl));
    Path tsv = dir.resolve("pairs.tsv");
    Files.writeString(tsv, "q one\tanswer one\r\nq2\ta2\n");
    assertEquals(List.of(new TextPair("q one", "answer one"), new TextPair("q2", "a2")), PairFileReader.read(tsv));

    Path badTsv = dir.resolve("bad.tsv");
    Files.writeString(badTsv, "a\tb\na\tb\tc\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> PairFileReader.read(badTsv));
    assertEquals(badTsv + ":2: expected 2 TAB-separated fields (x, y), found 3", e.getMessage());

    Path emptyY = dir.resolve("empty.tsv");
    Files.writeString(emptyY, "a\t \n");
    e = assertThrows(MalformedInputException.class, () -> PairFileReader.read(emptyY));
    assertEquals(emptyY + ":1: y is empty", e.getMessage());

    Path badJson = dir.resolve("bad.jsonl");
    Files.writeString(badJson, "{\"x\": \"a\", \"y\": \"b\"}\n{\"x\": \"a\", \"y\": 3}\n{not json\n");
    e = assertThrows(MalformedInputException.class, () -> PairFileReader.read(badJson));
    assertEquals(badJson + ":2: expected string fields \"x\" and \"y\"", e.getMessage());
    Files.writeString(badJson, "{\"x\": \"a\", \"y\": \"b\"}\n{not json\n");
    e = assertThrows(MalformedInputException.class, () -> PairFileReader.read(badJson));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }
}
