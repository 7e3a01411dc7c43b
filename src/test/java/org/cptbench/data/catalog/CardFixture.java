package org.cptbench.data.catalog;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small datasets written in tests: files with their card (hashes computed here with MessageDigest). */
public final class CardFixture {
  private CardFixture() {}

  public static String sha256(byte[] data) {
    return HexFormat.of().formatHex(FileCheck.newDigest().digest(data));
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A card for the given path -> content map (lines counted by hand in the callers' expectations). */
  public static DatasetCard card(String name, Map<String, byte[]> files, List<Download> downloads) {
    List<CatalogFile> list = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      byte[] data = e.getValue();
      long lines = 0;
      for (byte b : data) {
        if (b == '\n') {
          lines++;
        }
      }
      if (data.length > 0 && data[data.length - 1] != '\n') {
        lines++;
      }
      boolean zip = e.getKey().endsWith(".zip");
      list.add(new CatalogFile(e.getKey(), sha256(data), (long) data.length, zip || e.getKey().endsWith(".gz") ? null : lines, null));
    }
    return new DatasetCard(
        name,
        DatasetKind.CLASSIFICATION,
        "test format",
        "https://example.org/data",
        "test licence",
        "test citation",
        "written by the test",
        Map.of("lines", 3L),
        list,
        downloads,
        null);
  }

  public static Map<String, byte[]> files(String... pathAndText) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < pathAndText.length; i += 2) {
      m.put(pathAndText[i], utf8(pathAndText[i + 1]));
    }
    return m;
  }

  /** Writes {@code root/<name>/<path>} for every file. */
  public static void writeData(Path root, String name, Map<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path p = root.resolve(name).resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
  }

  /** Writes a card as YAML to {@code catalogDir/<name>.yaml}. */
  public static void writeCard(Path catalogDir, DatasetCard card) throws IOException {
    Path p = catalogDir.resolve(card.name() + ".yaml");
    Files.createDirectories(p.getParent());
    new YAMLMapper().writeValue(p.toFile(), card);
  }
}
