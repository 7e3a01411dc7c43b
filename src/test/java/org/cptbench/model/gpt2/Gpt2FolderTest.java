package org.cptbench.model.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.cptbench.CptbenchException;
import org.cptbench.model.Attention;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Gelu;
import org.cptbench.model.Gpt2Fixture;
import org.cptbench.model.LoadedModel;
import org.cptbench.model.ModelFolder;
import org.cptbench.model.Pooling;
import org.cptbench.model.TransformerWeights;
import org.cptbench.model.safetensors.FloatTensor;
import org.cptbench.model.safetensors.SafetensorsFile;
import org.cptbench.model.safetensors.SafetensorsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export to the GPT-2 layout and import back is exact; broken GPT-2 folders fail by file and tensor name. */
class Gpt2FolderTest {
  @TempDir Path dir;

  @Test
  void exportThenImportIsBitIdentical() throws IOException {
    for (Gelu gelu : Gelu.values()) {
      EncoderSpec spec = new EncoderSpec(320, 2, 32, 4, 64, 24, Attention.CAUSAL, Pooling.MEAN, gelu);
      Path a = dir.resolve("a-" + gelu);
      Path b = dir.resolve("b-" + gelu);
      try (NDManager m = NDManager.newBaseManager();
          TransformerWeights w = TransformerWeights.initialise(spec, 7, m)) {
        ModelFolder.exportGpt2(spec, w, Gpt2Fixture.dir().resolve(Checkpoint.TOKENIZER), a);
        try (LoadedModel back = ModelFolder.load(a, m)) {
          assertEquals(ModelFolder.Layout.GPT2, back.layout());
          assertEquals(spec, back.spec());
          assertSameWeights(w, back.weights());
          ModelFolder.exportGpt2(back.spec(), back.weights(), a.resolve(Checkpoint.TOKENIZER), b);
        }
      }
      for (String f : new String[] {Checkpoint.CONFIG, ModelFolder.GPT2_WEIGHTS, Checkpoint.TOKENIZER}) {
        assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
      }
    }
  }

  @Test
  void theReferenceFolderSurvivesExportAndTheTransformerPrefixIsAccepted() throws IOException {
    Path out = dir.resolve("out");
    Path prefixed = copyFixture("prefixed", t -> {
      Map<String, FloatTensor> renamed = new LinkedHashMap<>();
      t.forEach((k, v) -> renamed.put("transformer." + k, v));
      t.clear();
      t.putAll(renamed);
    });
    try (NDManager m = NDManager.newBaseManager();
        LoadedModel ref = ModelFolder.load(Gpt2Fixture.dir(), m)) {
      ModelFolder.exportGpt2(ref.spec(), ref.weights(), Gpt2Fixture.dir().resolve(Checkpoint.TOKENIZER), out);
      try (LoadedModel back = ModelFolder.load(out, m);
          LoadedModel pre = ModelFolder.load(prefixed, m)) {
        assertEquals(ref.spec(), back.spec());
        assertSameWeights(ref.weights(), back.weights());
        assertSameWeights(ref.weights(), pre.weights());
      }
    }
  }

  @Test
  void aMissingTensorIsNamed() throws IOException {
    Path d = copyFixture("missing", t -> t.remove("h.1.ln_2.bias"));
    assertLoadFails(d, d.resolve(ModelFolder.GPT2_WEIGHTS) + ": tensor 'h.1.ln_2.bias' is missing");
  }

  @Test
  void aWrongShapeIsNamed() throws IOException {
    Path d =
        copyFixture(
            "shape",
            t -> {
              FloatTensor c = t.get("h.0.attn.c_attn.weight"); // [32, 96] stored as [96, 32] (not Conv1D)
              t.put("h.0.attn.c_attn.weight", FloatTensor.transpose(c.data(), 32, 96));
            });
    assertLoadFails(
        d,
        d.resolve(ModelFolder.GPT2_WEIGHTS) + ": tensor 'h.0.attn.c_attn.weight' has shape [96, 32], but"
            + " config.json implies [32, 96] (Conv1D: [in, out])");
  }

  @Test
  void anUnexpectedTensorIsNamed() throws IOException {
    Path d = copyFixture("extra", t -> t.put("h.2.ln_1.weight", new FloatTensor(new long[] {1}, new float[1])));
    assertLoadFails(d, d.resolve(ModelFolder.GPT2_WEIGHTS) + ": unexpected tensor 'h.2.ln_1.weight'");
  }

  @Test
  void aMalformedHeaderIsNamed() throws IOException {
    Path d = copyFixture("header", t -> {});
    Path f = d.resolve(ModelFolder.GPT2_WEIGHTS);
    byte[] bytes = Files.readAllBytes(f);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"ln_f.bias\":{\"dtype\":\"F32\",\"shape\":[32]");
    bytes[at + "\"ln_f.bias\":{\"dtype\":\"F32\",\"shape\":[".length()] = '4'; // [42]: 168 bytes, offsets hold 128
    Files.write(f, bytes);
    assertLoadFails(d, f + ": malformed safetensors: tensor 'ln_f.bias': F32 [42] needs 168 bytes");
  }

  @Test
  void unsupportedConfigValuesNameTheKey() throws IOException {
    Path d = copyFixture("config", t -> {});
    Path c = d.resolve(Checkpoint.CONFIG);
    Files.writeString(c, Files.readString(c).replace("\"gelu_new\"", "\"relu\""));
    assertLoadFails(d, c + ": activation_function is 'relu'; allowed: gelu_new");
    Files.writeString(c, Files.readString(c).replace("\"relu\"", "\"gelu\"").replace("1e-05", "1e-06"));
    assertLoadFails(d, c + ": layer_norm_epsilon is 1.0E-6; allowed: 1e-05");
  }

  private static void assertLoadFails(Path folder, String messageStart) {
    try (NDManager m = NDManager.newBaseManager()) {
      CptbenchException e = assertThrows(CptbenchException.class, () -> ModelFolder.load(folder, m).close());
      assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
  }

  /** A copy of the reference folder whose tensors (GPT-2 names) went through {@code edit}. */
  private Path copyFixture(String name, Consumer<Map<String, FloatTensor>> edit) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    for (String f : new String[] {Checkpoint.CONFIG, Checkpoint.TOKENIZER}) {
      Files.copy(Gpt2Fixture.dir().resolve(f), d.resolve(f));
    }
    SafetensorsFile st = SafetensorsFile.open(Gpt2Fixture.dir().resolve(ModelFolder.GPT2_WEIGHTS));
    Map<String, FloatTensor> t = new LinkedHashMap<>();
    try (NDManager m = NDManager.newBaseManager()) {
      for (String n : st.tensors().keySet()) {
        NDArray a = st.load(n, m);
        t.put(n, new FloatTensor(a.getShape().getShape(), a.toFloatArray()));
      }
    }
    edit.accept(t);
    SafetensorsWriter.write(d.resolve(ModelFolder.GPT2_WEIGHTS), t, Map.of("format", "pt"));
    return d;
  }

  private static void assertSameWeights(TransformerWeights want, TransformerWeights got) {
    assertEquals(want.names(), got.names());
    for (String n : want.names()) {
      assertEquals(want.get(n).getShape(), got.get(n).getShape(), n);
      assertArrayEquals(want.get(n).toFloatArray(), got.get(n).toFloatArray(), n); // compares bit patterns
    }
  }
}
