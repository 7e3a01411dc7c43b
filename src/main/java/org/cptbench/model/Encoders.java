package org.cptbench.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.cptbench.CptbenchException;

/**
 * Opens an {@link Encoder} from what a user types after {@code --encoder}: the name of a registered reference model
 * ({@link OnnxModels}, e.g. {@code minilm-l6}) or the path of a cptbench checkpoint folder ({@link CptEncoder}).
 */
public final class Encoders {
  private Encoders() {}

  /** Opens {@code spec}, extracting ONNX files under {@link OnnxEncoder#DEFAULT_MODEL_CACHE}. */
  public static Encoder open(String spec) {
    return open(spec, OnnxEncoder.DEFAULT_MODEL_CACHE);
  }

  /**
   * Opens {@code spec}: a registered model name first, else an existing checkpoint folder.
   *
   * @throws CptbenchException naming the allowed model names when {@code spec} is neither
   */
  public static Encoder open(String spec, Path modelCache) {
    return open(spec, modelCache, ComputeDevice.AUTO, Precision.FP32);
  }

  /**
   * Opens {@code spec} on {@code device} in {@code precision}. Device and precision apply to cptbench checkpoints;
   * the ONNX reference models run in fp32 on the CPU (ONNX Runtime's CPU build), so asking for bf16 or a CUDA
   * device for them is an error, and {@code auto} gives fp32 / cpu.
   */
  public static Encoder open(String spec, Path modelCache, ComputeDevice device, Precision precision) {
    if (spec == null || spec.isBlank()) {
      throw new CptbenchException("encoder: empty; allowed: " + allowed());
    }
    var registered = OnnxModels.find(spec.trim());
    if (registered.isPresent()) {
      if (precision == Precision.BF16 || device.request().startsWith("cuda")) {
        throw new CptbenchException(
            "encoder " + spec + ": an ONNX reference model runs in fp32 on the cpu; --precision bf16 and --device "
                + "cuda apply to cptbench checkpoints (allowed here: --precision fp32|auto, --device cpu|auto)");
      }
      return OnnxEncoder.open(registered.get(), modelCache);
    }
    Path dir = Path.of(spec);
    if (Files.isDirectory(dir)) {
      return CptEncoder.load(dir, device.resolve(), precision);
    }
    throw new CptbenchException("encoder: unknown '" + spec + "'; allowed: " + allowed());
  }

  /** The allowed values, for error and help messages. */
  public static String allowed() {
    return OnnxModels.all().stream().map(OnnxModelSpec::name).collect(Collectors.joining(", "))
        + ", or the path of a checkpoint folder";
  }
}
