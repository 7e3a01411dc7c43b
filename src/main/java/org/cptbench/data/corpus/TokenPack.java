package org.cptbench.data.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.text.CptTokenizer;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;

/**
 * A corpus packed into one stream of token ids for language-model pre-training: per document, in order, the BPE ids
 * of its text (units joined by a newline, no delimiters), then {@code separator}. Stored as {@code NAME.i32}
 * (little-endian int32, nothing else) beside {@code NAME.json} (format, corpus, tokenizer SHA-256, separator id,
 * documents, tokens). Built once per corpus and tokenizer, atomically.
 */
public final class TokenPack {
  public static final String FORMAT = "cptbench-tokens/1";
  private static final int BATCH = 64;

  private TokenPack() {}

  /** The pack file for a tokenizer in a corpus folder: {@code tokens-<first 16 hex of its SHA-256>.i32}. */
  public static Path file(Path corpusDir, String tokenizerSha256) {
    return corpusDir.resolve("tokens-" + tokenizerSha256.substring(0, 16) + ".i32");
  }

  /** The sidecar of a pack file. */
  public static Path sidecar(Path pack) {
    String n = pack.getFileName().toString();
    return pack.resolveSibling(n.substring(0, n.length() - ".i32".length()) + ".json");
  }

  /**
   * Packs {@code documents} into {@code pack} unless its sidecar exists; returns the sidecar's JSON.
   *
   * @param separator the id written after every document (e.g. {@value CptTokenizer#END_OF_TEXT}, or the pad id of
   *     a cptbench tokenizer: an id text never produces)
   */
  public static JsonNode ensurePacked(
      Path pack, String corpus, List<Document> documents, CptTokenizer tokenizer, String tokenizerSha256,
      int separator) {
    Path side = sidecar(pack);
    if (Files.isRegularFile(side) && Files.isRegularFile(pack)) {
      return readSidecar(side);
    }
    long[] tokens = {0};
    AtomicFiles.write(
        pack,
        tmp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            for (int from = 0; from < documents.size(); from += BATCH) {
              List<String> texts = new ArrayList<>();
              for (Document d : documents.subList(from, Math.min(documents.size(), from + BATCH))) {
                texts.add(d.text());
              }
              for (int[] ids : tokenizer.pieces(texts)) {
                ByteBuffer b = ByteBuffer.allocate(4 * (ids.length + 1)).order(ByteOrder.LITTLE_ENDIAN);
                b.asIntBuffer().put(ids).put(separator);
                out.write(b.array());
                tokens[0] += ids.length + 1;
              }
            }
          }
        });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("corpus", corpus);
    m.put("tokenizerSha256", tokenizerSha256);
    m.put("separator", separator);
    m.put("documents", documents.size());
    m.put("tokens", tokens[0]);
    m.put("definition", "per document: BPE ids of its units joined by \\n, then the separator; int32 little-endian");
    Json.writeFile(side, m);
    return readSidecar(side);
  }

  private static JsonNode readSidecar(Path side) {
    try {
      JsonNode n = Json.MAPPER.readTree(side.toFile());
      if (!FORMAT.equals(n.path("format").asText())) {
        throw new CptbenchException(side + ": format is '" + n.path("format").asText() + "', expected " + FORMAT);
      }
      return n;
    } catch (IOException e) {
      throw new CptbenchException(side + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a pack: all its ids.
   *
   * @throws CptbenchException when its size is not the sidecar's token count x 4 bytes
   */
  public static int[] read(Path pack) {
    JsonNode side = readSidecar(sidecar(pack));
    try {
      long size = Files.size(pack);
      long tokens = side.path("tokens").asLong(-1);
      if (size != tokens * 4) {
        throw new CptbenchException(
            pack + ": " + size + " bytes, but " + sidecar(pack).getFileName() + " says " + tokens + " tokens (x 4);"
                + " delete both to pack again");
      }
      int[] ids = new int[Math.toIntExact(tokens)];
      ByteBuffer.wrap(Files.readAllBytes(pack)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ids);
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pack, e);
    }
  }
}
