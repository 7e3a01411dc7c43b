package org.cptbench.data.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class CardReaderTest {
  private static final String SHA = "a".repeat(64);

  private static String valid(String extra) {
    return """
        name: test/small
        kind: similarity
        format: two columns
        url: https://example.org/x
        licence: CC BY 4.0
        citation: Someone 2020.
        provenance: written by hand
        counts:
          pairs: 2
        files:
        - path: a.txt
          sha256: %s
          bytes: 10
          lines: 2
        downloads:
        - url: https://example.org/a.txt
          file: a.txt
        """
            .formatted(SHA)
        + extra;
  }

  private static DatasetCard read(String yaml) {
    return CardReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "cards/test.yaml");
  }

  private static String error(String yaml) {
    return assertThrows(CptbenchException.class, () -> read(yaml)).getMessage();
  }

  @Test
  void readsAValidCard() {
    DatasetCard card = read(valid(""));
    assertEquals("test/small", card.name());
    assertEquals(DatasetKind.SIMILARITY, card.kind());
    assertEquals(2L, card.counts().get("pairs"));
    assertEquals(10L, card.files().get(0).bytes());
    assertEquals("a.txt", card.downloads().get(0).file());
    assertTrue(card.filesWithoutDownload().isEmpty());
  }

  @Test
  void unknownTopLevelKeyNamesKeyFileAndLine() {
    String msg = error(valid("colour: blue\n"));
    assertTrue(msg.startsWith("cards/test.yaml:18:"), msg);
    assertTrue(msg.contains("unknown key 'colour'"), msg);
    assertTrue(msg.contains("allowed keys: [citation, counts, downloads, files"), msg);
  }

  @Test
  void unknownNestedKeyNamesItsPath() {
    String msg = error(valid("").replace("  lines: 2\n", "  lines: 2\n  md5: abc\n"));
    assertTrue(msg.contains("unknown key 'md5'"), msg);
    assertTrue(msg.contains("files[0]"), msg);
    assertTrue(msg.startsWith("cards/test.yaml:15:"), msg);
  }

  @Test
  void badValuesNameTheFieldAndAllowedValues() {
    assertTrue(error(valid("").replace("kind: similarity", "kind: sorting")).contains("kind: 'sorting' is not a dataset kind; allowed: [classification"));
    assertTrue(error(valid("").replace(SHA, "xyz")).contains("sha256 of a.txt: 'xyz', must be 64 lower-case hex digits"));
    assertTrue(error(valid("").replace("path: a.txt", "path: ../a.txt")).contains("'..' segment"));
    assertTrue(error(valid("").replace("url: https://example.org/a.txt", "url: ftp://example.org/a.txt")).contains("must be https://"));
    assertTrue(error(valid("").replace("  file: a.txt", "  file: b.txt")).contains("'b.txt' (from https://example.org/a.txt) is not one of the card's files"));
    assertTrue(error(valid("").replace("licence: CC BY 4.0\n", "")).contains("licence: missing or blank, required"));
    assertTrue(error(valid("").replace("bytes: 10", "bytes: ten")).contains("bytes"));
  }

  @Test
  void duplicateKeysAndBrokenYamlAreErrors() {
    assertTrue(error(valid("name: other\n")).contains("Duplicate field 'name'"), error(valid("name: other\n")));
    String broken = error("name: [unclosed\n");
    assertTrue(broken.startsWith("cards/test.yaml:"), broken);
  }

  @Test
  void archiveDownloadsNeedMembers() {
    String zip = valid("").replace("  file: a.txt\n", "  archive: zip\n");
    assertTrue(error(zip).contains("archive zip needs 'members'"), error(zip));
    String withMembers =
        valid("").replace("  file: a.txt\n", "  archive: zip\n  members:\n    data/a.txt: a.txt\n");
    assertEquals("a.txt", read(withMembers).downloads().get(0).members().get("data/a.txt"));
    assertTrue(error(valid("").replace("  file: a.txt\n", "  file: a.txt\n  archive: rar\n")).contains("allowed: [gz, zip, tar.gz]"));
  }
}
