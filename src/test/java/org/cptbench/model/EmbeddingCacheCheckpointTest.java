package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.text.BpeModel;
import org.cptbench.text.BpeTrainer;
import org.cptbench.text.Side;
import org.cptbench.text.TokenizerJson;
import org.cptbench.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding cache keys a checkpoint on its config.json too: the same weights and tokenizer with another pooling,
 * attention or length limit compute another function and must not read the old embeddings.
 */
class EmbeddingCacheCheckpointTest {
  @TempDir Path tmp;

  static final List<String> TEXTS = List.of("the cat sat on the mat", "a dog barked at the moon", "rain");

  /** Writes a small random-weight checkpoint with {@code spec} and returns its folder. */
  static Path checkpoint(Path dir, EncoderSpec spec) throws IOException {
    Files.createDirectories(dir);
    BpeModel bpe = new BpeTrainer(new BpeTrainer.Config(300, Long.MAX_VALUE, 1)).train(TEXTS);
    TokenizerJson.write(bpe, dir.resolve(Checkpoint.TOKENIZER));
    EncoderSpec s = spec.withVocabSize(bpe.vocabSize());
    try (NDManager m = NDManager.newBaseManager()) {
      TransformerWeights.initialise(s, 7, m).save(dir.resolve(Checkpoint.WEIGHTS));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("format", Checkpoint.FORMAT);
    config.put("encoder", Checkpoint.specJson(s));
    Json.writeFile(dir.resolve(Checkpoint.CONFIG), config);
    return dir;
  }

  /** Rewrites one key of the checkpoint's encoder section, leaving weights and tokenizer untouched. */
  static void edit(Path dir, String key, String value) throws IOException {
    ObjectNode config = (ObjectNode) Json.MAPPER.readTree(dir.resolve(Checkpoint.CONFIG).toFile());
    ((ObjectNode) config.get("encoder")).put(key, value);
    Json.writeFile(dir.resolve(Checkpoint.CONFIG), config);
  }

  /** Embeds TEXTS through the cache with a freshly loaded encoder. */
  static float[][] embed(EmbeddingCache cache, Path ckpt) {
    try (CptEncoder enc = CptEncoder.load(ckpt)) {
      return cache.embed(enc, TEXTS, Side.X);
    }
  }

  @Test
  void changingThePoolingInConfigJsonMissesTheCache() throws IOException {
    Path ckpt = checkpoint(tmp.resolve("ckpt"), new EncoderSpec(16, 1, 16, 2, 32, 16, Attention.CAUSAL, Pooling.EOS));
    EmbeddingCache cache = new EmbeddingCache(tmp.resolve("cache"));
    float[][] eos = embed(cache, ckpt);
    float[][] again = embed(cache, ckpt);
    assertEquals(1, cache.hits(), "same files and config: read from disk");
    assertArrayEquals(eos[0], again[0], 0f);

    String fingerprint = Checkpoint.fingerprint(ckpt);
    edit(ckpt, "pooling", "mean");
    assertEquals(fingerprint, Checkpoint.fingerprint(ckpt), "weights and tokenizer are unchanged");
    float[][] mean = embed(cache, ckpt);
    assertEquals(2, cache.misses(), "mean pooling is another function: a miss (the old key returned EOS embeddings)");
    assertFalse(java.util.Arrays.equals(eos[0], mean[0]), "mean and EOS pooling embed differently");
    float[][] meanAgain = embed(cache, ckpt);
    assertEquals(2, cache.hits());
    assertArrayEquals(mean[0], meanAgain[0], 0f);
  }

  @Test
  void attentionIsPartOfTheKeyToo() throws IOException {
    Path ckpt = checkpoint(tmp.resolve("ckpt"), new EncoderSpec(16, 1, 16, 2, 32, 16, Attention.CAUSAL, Pooling.EOS));
    EmbeddingCache cache = new EmbeddingCache(tmp.resolve("cache"));
    Path first;
    try (CptEncoder enc = CptEncoder.load(ckpt)) {
      first = cache.entry(enc, TEXTS, Side.X);
      String key = EmbeddingCache.keyOf(enc);
      for (String part : List.of("pooling=eos", "attention=causal", "maxTokens=16", "forward=", "precision=fp32")) {
        assertTrue(key.contains(part), part + " in " + key);
      }
    }
    edit(ckpt, "attention", "bidirectional");
    Path bidirectional;
    try (CptEncoder enc = CptEncoder.load(ckpt)) {
      bidirectional = cache.entry(enc, TEXTS, Side.X);
    }
    assertNotEquals(first.getParent(), bidirectional.getParent());
  }
}
