package org.cptbench.model;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.cptbench.CptbenchException;
import org.cptbench.text.Side;

/**
 * Embeddings cached on disk so that evaluating the same encoder on the same texts twice encodes them once. An entry
 * is the {@link Npy} float32 matrix {@code dir/<key>/<side>-<texts sha256>.npy}, one row per text in order, where
 * {@code key} hashes everything that defines the encoder's function ({@link CacheKey}: weights and tokenizer
 * fingerprint, the checkpoint's encoder configuration such as pooling, attention and max tokens, the forward-pass
 * version, precision and device kind), so a changed {@code config.json} or forward pass never reads old embeddings,
 * where the texts' sha256 is taken over each text as a 4-byte big-endian UTF-8 length followed by its UTF-8 bytes
 * (so lists that only differ in how they are cut never collide); vectors before normalisation
 * ({@link Encoder#embedUnnormalized}) are {@code <side>-unnormalized-<texts sha256>.npy}. Entries are written atomically. An entry whose
 * shape does not match (n texts x encoder dimension) is recomputed and replaced. Encoders with an empty fingerprint
 * (in-memory models being trained) are never cached.
 */
public final class EmbeddingCache {
  /** The default cache folder, relative to the working directory. */
  public static final Path DEFAULT_DIR = Path.of("cache", "embeddings");

  private final Path dir;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public EmbeddingCache(Path dir) {
    if (dir == null) {
      throw new IllegalArgumentException("dir: null, must be a folder path");
    }
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The embeddings of {@code texts}: read from the cache when present, else encoded and stored. */
  public float[][] embed(Encoder encoder, List<String> texts, Side side) {
    return embed(encoder, texts, side, false);
  }

  /** {@link Encoder#embedUnnormalized} through the cache. */
  public float[][] embedUnnormalized(Encoder encoder, List<String> texts, Side side) {
    return embed(encoder, texts, side, true);
  }

  private float[][] embed(Encoder encoder, List<String> texts, Side side, boolean unnormalized) {
    if (encoder.fingerprint() == null || encoder.fingerprint().isEmpty()) {
      misses.incrementAndGet();
      return unnormalized ? encoder.embedUnnormalized(texts, side) : encoder.embed(texts, side);
    }
    Path file = entry(encoder, texts, side);
    if (unnormalized) {
      file = file.resolveSibling(file.getFileName().toString().replaceFirst("-", "-unnormalized-"));
    }
    if (Files.isRegularFile(file)) {
      float[][] cached = readOrNull(file, texts.size(), encoder.dimension());
      if (cached != null) {
        hits.incrementAndGet();
        return cached;
      }
    }
    misses.incrementAndGet();
    float[][] e = unnormalized ? encoder.embedUnnormalized(texts, side) : encoder.embed(texts, side);
    Npy.write(file, e, encoder.dimension());
    return e;
  }

  /** An {@link Encoder} that answers through this cache and closes {@code encoder} when closed. */
  public Encoder wrap(Encoder encoder) {
    return new CachedEncoder(encoder, this);
  }

  /** Requests answered from disk so far. */
  public long hits() {
    return hits.get();
  }

  /** Requests that had to encode so far (uncacheable encoders included). */
  public long misses() {
    return misses.get();
  }

  /** The file holding the embeddings of {@code texts} on {@code side} for {@code encoder} ({@link CacheKey}). */
  public Path entry(Encoder encoder, List<String> texts, Side side) {
    return dir.resolve(CacheKey.folder(encoder))
        .resolve(side.name().toLowerCase(Locale.ROOT) + "-" + textsSha256(texts) + ".npy");
  }

  /** The text the cache folder of {@code encoder} is the sha256 of (for provenance and debugging). */
  public static String keyOf(Encoder encoder) {
    return CacheKey.describe(encoder);
  }

  /** sha256 over the texts, each as a 4-byte big-endian UTF-8 length then its UTF-8 bytes. */
  public static String textsSha256(List<String> texts) {
    MessageDigest md = ModelResources.newSha256();
    byte[] len = new byte[4];
    for (String t : texts) {
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      len[0] = (byte) (b.length >>> 24);
      len[1] = (byte) (b.length >>> 16);
      len[2] = (byte) (b.length >>> 8);
      len[3] = (byte) b.length;
      md.update(len);
      md.update(b);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The cached matrix, or null when the file is unreadable or of the wrong shape (then it is recomputed). */
  private static float[][] readOrNull(Path file, int n, int d) {
    float[][] rows;
    try {
      rows = Npy.read(file);
    } catch (CptbenchException | UncheckedIOException e) {
      return null;
    }
    if (rows.length != n) {
      return null;
    }
    for (float[] row : rows) {
      if (row.length != d) {
        return null;
      }
    }
    return rows;
  }
}
