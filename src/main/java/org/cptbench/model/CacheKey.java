package org.cptbench.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * What defines the function an encoder computes, as the {@link EmbeddingCache} keys it: the encoder's file
 * fingerprint (weights and tokenizer), its configuration (a checkpoint's encoder section of {@code config.json}:
 * shape, attention, pooling, max tokens; an ONNX model's pooling, max tokens and prefixes), the version of the
 * forward-pass code, the numeric precision and the kind of device. Two encoders with equal keys return the same
 * embeddings for the same texts; a change to any part gives a new cache folder, so stale embeddings are never read.
 */
final class CacheKey {
  /**
   * Version of the forward-pass code ({@link CptTransformer}, {@link CptEncoder}, {@link OnnxEncoder}): increase it
   * whenever a change to that code changes the embeddings produced from the same checkpoint files.
   */
  static final int FORWARD_VERSION = 1;

  /** Precision of the forward pass for encoders that do not state one. */
  static final String DEFAULT_PRECISION = "fp32";

  /** Device kind of the forward pass for encoders that do not state one. */
  static final String DEFAULT_DEVICE_KIND = "cpu";

  private CacheKey() {}

  /** The canonical text of the key: one {@code name=value} line per part. */
  static String describe(Encoder encoder) {
    return "fingerprint=" + encoder.fingerprint()
        + "\nforward=" + FORWARD_VERSION
        + "\nprecision=" + precision(encoder)
        + "\ndevice=" + deviceKind(encoder)
        + "\nconfig=" + config(encoder);
  }

  /** The cache folder name: sha256 (hex) of {@link #describe}. */
  static String folder(Encoder encoder) {
    return HexFormat.of()
        .formatHex(ModelResources.newSha256().digest(describe(encoder).getBytes(StandardCharsets.UTF_8)));
  }

  /** The precision the encoder computes in (one place to read it from the encoder's spec once specs state it). */
  static String precision(Encoder encoder) {
    return DEFAULT_PRECISION;
  }

  /** The device kind the encoder runs on (one place to read it from the encoder's spec once specs state it). */
  static String deviceKind(Encoder encoder) {
    return DEFAULT_DEVICE_KIND;
  }

  /** The encoder's configuration besides its files, canonically ({@code key=value;...} in a fixed order). */
  static String config(Encoder encoder) {
    if (encoder instanceof CachedEncoder c) {
      return config(c.inner());
    }
    if (encoder instanceof CptEncoder c) {
      StringBuilder sb = new StringBuilder("cpt:");
      for (Map.Entry<String, Object> e : Checkpoint.specJson(c.spec()).entrySet()) {
        sb.append(e.getKey()).append('=').append(e.getValue()).append(';');
      }
      return sb.toString();
    }
    if (encoder instanceof OnnxEncoder o) {
      return "onnx:" + o.spec().settingsKey().replace('\n', ';');
    }
    return encoder.getClass().getName();
  }
}
