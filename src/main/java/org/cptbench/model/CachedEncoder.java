package org.cptbench.model;

import java.util.List;
import org.cptbench.text.Side;

/** An {@link Encoder} whose {@link #embed} goes through an {@link EmbeddingCache}; see {@link EmbeddingCache#wrap}. */
final class CachedEncoder implements Encoder {
  private final Encoder inner;
  private final EmbeddingCache cache;

  CachedEncoder(Encoder inner, EmbeddingCache cache) {
    this.inner = inner;
    this.cache = cache;
  }

  /** The encoder this one answers for (its configuration is part of the cache key, see {@link CacheKey}). */
  Encoder inner() {
    return inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public String fingerprint() {
    return inner.fingerprint();
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public float[][] embed(List<String> texts, Side side) {
    return cache.embed(inner, texts, side);
  }

  @Override
  public float[][] embedUnnormalized(List<String> texts, Side side) {
    return cache.embedUnnormalized(inner, texts, side);
  }

  @Override
  public void close() {
    inner.close();
  }
}
