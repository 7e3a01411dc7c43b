package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.text.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  @TempDir Path dir;

  /** A fake encoder: text of length L on side X -> (L, 1), side Y -> (L, 2); counts texts it encodes. */
  static final class CountingEncoder implements Encoder {
    final String fingerprint;
    int calls;
    int texts;

    CountingEncoder(String fingerprint) {
      this.fingerprint = fingerprint;
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public String fingerprint() {
      return fingerprint;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[][] embed(List<String> in, Side side) {
      calls++;
      texts += in.size();
      return in.stream().map(t -> new float[] {t.length(), side == Side.X ? 1 : 2}).toArray(float[][]::new);
    }

    @Override
    public void close() {}
  }

  private static final String FP = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void secondRequestReadsTheFileWithoutCallingTheEncoder() {
    EmbeddingCache cache = new EmbeddingCache(dir);
    CountingEncoder enc = new CountingEncoder(FP);
    List<String> texts = List.of("a", "bcd", "");
    float[][] first = cache.embed(enc, texts, Side.X);
    assertEquals(1, enc.calls);
    assertTrue(Files.isRegularFile(cache.entry(enc, texts, Side.X)));
    float[][] second = new EmbeddingCache(dir).embed(enc, texts, Side.X);
    assertEquals(1, enc.calls, "cache hit must not encode");
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(first[i], second[i], 0f);
    }
    assertArrayEquals(new float[] {3, 1}, second[1], 0f);
  }

  @Test
  void sideTextsAndFingerprintAreAllPartOfTheKey() {
    EmbeddingCache cache = new EmbeddingCache(dir);
    CountingEncoder enc = new CountingEncoder(FP);
    cache.embed(enc, List.of("a", "b"), Side.X);
    assertArrayEquals(new float[] {1, 2}, cache.embed(enc, List.of("a", "b"), Side.Y)[0], 0f);
    cache.embed(enc, List.of("b", "a"), Side.X);
    cache.embed(enc, List.of("ab"), Side.X);
    assertEquals(4, enc.calls);
    CountingEncoder other = new CountingEncoder("ffff" + FP.substring(4));
    cache.embed(other, List.of("a", "b"), Side.X);
    assertEquals(1, other.calls);
    assertEquals(4, cache.misses() + cache.hits() - 1);
  }

  @Test
  void encodersWithoutFingerprintAreNeverCached() throws IOException {
    EmbeddingCache cache = new EmbeddingCache(dir);
    CountingEncoder enc = new CountingEncoder("");
    cache.embed(enc, List.of("x"), Side.X);
    cache.embed(enc, List.of("x"), Side.X);
    assertEquals(2, enc.calls);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void damagedOrMisshapenEntryIsRecomputed() throws IOException {
    EmbeddingCache cache = new EmbeddingCache(dir);
    CountingEncoder enc = new CountingEncoder(FP);
    List<String> texts = List.of("ab", "c");
    Path entry = cache.entry(enc, texts, Side.X);
    Npy.write(entry, new float[][] {{9, 9, 9}, {9, 9, 9}}, 3);
    assertArrayEquals(new float[] {2, 1}, cache.embed(enc, texts, Side.X)[0], 0f);
    assertEquals(1, enc.calls);
    Files.write(entry, new byte[] {1, 2, 3});
    cache.embed(enc, texts, Side.X);
    assertEquals(2, enc.calls);
    assertArrayEquals(new float[] {1, 1}, Npy.read(entry)[1], 0f);
  }

  @Test
  void textsHashIsLengthPrefixed() {
    // sha256 of the 5 bytes 00 00 00 01 'a' (python: hashlib.sha256(b'\x00\x00\x00\x01a'))
    assertEquals(
        "72ff6b02949dad95006c343e3db3150090d3afb49f6bbdb92fdc17607997a85c",
        EmbeddingCache.textsSha256(List.of("a")));
    // sha256 of no bytes
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", EmbeddingCache.textsSha256(List.of()));
    assertNotEquals(EmbeddingCache.textsSha256(List.of("ab", "c")), EmbeddingCache.textsSha256(List.of("a", "bc")));
  }

  @Test
  void wrappedEncoderAnswersFromTheCache() {
    CountingEncoder enc = new CountingEncoder(FP);
    try (Encoder cached = new EmbeddingCache(dir).wrap(enc)) {
      assertEquals(2, cached.dimension());
      assertEquals(FP, cached.fingerprint());
      cached.embed(List.of("q"), Side.Y);
      cached.embed(List.of("q"), Side.Y);
    }
    assertEquals(1, enc.calls);
    EmbeddingCache cache = new EmbeddingCache(dir);
    assertFalse(Files.exists(cache.entry(enc, List.of("q"), Side.X)));
    assertTrue(Files.exists(cache.entry(enc, List.of("q"), Side.Y)));
    assertEquals(cache.entry(enc, List.of("q"), Side.Y), cache.entry(cache.wrap(enc), List.of("q"), Side.Y));
  }

  @Test
  void theKeyNamesEveryPartThatDefinesTheFunction() {
    String key = EmbeddingCache.keyOf(new CountingEncoder(FP));
    assertEquals(
        "fingerprint=" + FP + "\nforward=" + CacheKey.FORWARD_VERSION + "\nprecision=fp32\ndevice=cpu\nconfig="
            + CountingEncoder.class.getName(),
        key);
  }
}
