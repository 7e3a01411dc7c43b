package org.cptbench.model.gpt2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.TransformerWeights;
import org.cptbench.model.safetensors.FloatTensor;
import org.cptbench.model.safetensors.SafetensorsFile;
import org.cptbench.model.safetensors.SafetensorsWriter;
import org.cptbench.model.safetensors.TensorEntry;

/**
 * cptbench's parameters under Hugging Face GPT-2's tensor names ({@code GPT2Model.state_dict()}): {@code wte},
 * {@code wpe}, {@code h.N.ln_1}, {@code h.N.attn.c_attn}, {@code h.N.attn.c_proj}, {@code h.N.ln_2},
 * {@code h.N.mlp.c_fc}, {@code h.N.mlp.c_proj}, {@code ln_f}. GPT-2's projections are {@code Conv1D} modules whose
 * weight is {@code [in, out]}; cptbench's are {@code [out, in]}, so those four are transposed on the way in and
 * out (an exact copy of every float). The fused {@code c_attn} holds q, k, v in that order, each heads x headDim,
 * as cptbench's {@code attn.qkv} does.
 *
 * <p>Reading accepts the {@code transformer.} prefix of {@code GPT2LMHeadModel} checkpoints and ignores the
 * non-parameters GPT-2 checkpoints may carry ({@code h.N.attn.bias}, {@code h.N.attn.masked_bias}: attention mask
 * buffers; {@code lm_head.weight}: tied to {@code wte}); any other unexpected tensor is an error.
 */
public final class Gpt2Weights {
  private static final Pattern IGNORED =
      Pattern.compile("(transformer\\.)?h\\.\\d+\\.attn\\.(bias|masked_bias)|lm_head\\.weight");

  private Gpt2Weights() {}

  /** One parameter: its GPT-2 name and whether GPT-2 stores it transposed ({@code Conv1D}). */
  private record Name(String gpt2, boolean conv1d) {}

  /** cptbench name to GPT-2 name, in cptbench's parameter order. */
  private static Map<String, Name> names(EncoderSpec spec) {
    Map<String, Name> m = new LinkedHashMap<>();
    m.put("tok_emb", new Name("wte.weight", false));
    m.put("pos_emb", new Name("wpe.weight", false));
    for (int l = 0; l < spec.layers(); l++) {
      String p = "layer" + l + ".";
      String h = "h." + l + ".";
      m.put(p + "ln1.g", new Name(h + "ln_1.weight", false));
      m.put(p + "ln1.b", new Name(h + "ln_1.bias", false));
      m.put(p + "attn.qkv.w", new Name(h + "attn.c_attn.weight", true));
      m.put(p + "attn.qkv.b", new Name(h + "attn.c_attn.bias", false));
      m.put(p + "attn.out.w", new Name(h + "attn.c_proj.weight", true));
      m.put(p + "attn.out.b", new Name(h + "attn.c_proj.bias", false));
      m.put(p + "ln2.g", new Name(h + "ln_2.weight", false));
      m.put(p + "ln2.b", new Name(h + "ln_2.bias", false));
      m.put(p + "mlp.fc.w", new Name(h + "mlp.c_fc.weight", true));
      m.put(p + "mlp.fc.b", new Name(h + "mlp.c_fc.bias", false));
      m.put(p + "mlp.proj.w", new Name(h + "mlp.c_proj.weight", true));
      m.put(p + "mlp.proj.b", new Name(h + "mlp.c_proj.bias", false));
    }
    m.put("ln_f.g", new Name("ln_f.weight", false));
    m.put("ln_f.b", new Name("ln_f.bias", false));
    return m;
  }

  /**
   * Reads the parameters of {@code spec} from a GPT-2 {@code model.safetensors}.
   *
   * @throws CptbenchException naming the file and tensor for a malformed file, a missing, unexpected or
   *     non-floating tensor, or a shape that differs from what config.json implies
   */
  public static TransformerWeights load(Path file, EncoderSpec spec, NDManager parent) {
    SafetensorsFile st = SafetensorsFile.open(file);
    String prefix = !st.tensors().containsKey("wte.weight") && st.tensors().containsKey("transformer.wte.weight")
        ? "transformer."
        : "";
    Map<String, Name> names = names(spec);
    java.util.Set<String> expected = new java.util.HashSet<>();
    names.values().forEach(n -> expected.add(prefix + n.gpt2()));
    for (String t : st.tensors().keySet()) {
      if (!expected.contains(t) && !IGNORED.matcher(t).matches()) {
        throw new CptbenchException(
            file + ": unexpected tensor '" + t + "' (not a GPT2Model parameter of a " + spec.layers()
                + "-layer model; check config.json's n_layer)");
      }
    }
    return TransformerWeights.build(
        spec,
        parent,
        (name, shape, manager) -> {
          Name n = names.get(name);
          String gpt2 = prefix + n.gpt2();
          Shape want = n.conv1d() ? new Shape(shape.get(1), shape.get(0)) : shape;
          TensorEntry e = st.tensors().get(gpt2);
          if (e == null) {
            throw new CptbenchException(file + ": tensor '" + gpt2 + "' is missing");
          }
          if (!Arrays.equals(e.shape(), want.getShape())) {
            throw new CptbenchException(
                file + ": tensor '" + gpt2 + "' has shape " + Arrays.toString(e.shape()) + ", but config.json implies "
                    + Arrays.toString(want.getShape()) + (n.conv1d() ? " (Conv1D: [in, out])" : ""));
          }
          NDArray a = st.load(gpt2, manager);
          if (!n.conv1d()) {
            a.setName(name);
            return a;
          }
          float[] t = FloatTensor.transposeData(a.toFloatArray(), (int) want.get(0), (int) want.get(1));
          a.close();
          NDArray out = manager.create(t, shape);
          out.setName(name);
          return out;
        });
  }

  /** Writes {@code weights} as a GPT-2 {@code model.safetensors} (metadata {@code format: pt}). */
  public static void save(TransformerWeights weights, EncoderSpec spec, Path file) {
    Map<String, FloatTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Name> e : names(spec).entrySet()) {
      NDArray a = weights.get(e.getKey());
      long[] shape = a.getShape().getShape();
      float[] data = a.toFloatArray();
      out.put(
          e.getValue().gpt2(),
          e.getValue().conv1d()
              ? FloatTensor.transpose(data, (int) shape[0], (int) shape[1])
              : new FloatTensor(shape, data));
    }
    SafetensorsWriter.write(file, out, Map.of("format", "pt"));
  }
}
