package org.cptbench.cli;

import ai.djl.Device;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cptbench.model.Bf16Support;
import org.cptbench.model.ComputeDevice;
import org.cptbench.model.CptEncoder;
import org.cptbench.model.Encoder;
import org.cptbench.model.Precision;
import picocli.CommandLine.Option;

/**
 * The {@code --precision} and {@code --device} options of {@code train}, {@code embed} and {@code eval}, as a
 * picocli mixin. {@code auto} precision is resolved for the device and the choice printed and recorded.
 */
final class ComputeOptions {
  @Option(
      names = "--precision",
      description = "forward-pass precision of cptbench encoders: fp32 (default), bf16 (matrix products in bf16,"
          + " the rest fp32) or auto (bf16 where the hardware has it)")
  String precision = "fp32";

  @Option(
      names = "--device",
      description = "auto (default: a CUDA device if the PyTorch natives have one, else the cpu), cpu or cuda[:N]")
  String device = "auto";

  ComputeDevice computeDevice() {
    return ComputeDevice.parse("--device", device);
  }

  Precision requested() {
    return Precision.parse("--precision", precision);
  }

  /** The device to run on (checked against the loaded natives). */
  Device resolveDevice() {
    return computeDevice().resolve();
  }

  /** A line saying what runs, e.g. {@code device cpu, precision auto -> bf16 (cpu flags avx512_bf16: native bf16)}. */
  String describe(Device dev, Precision resolved) {
    Precision asked = requested();
    return "device " + ComputeDevice.label(dev) + ", precision " + asked.label()
        + (asked == Precision.AUTO ? " -> " + resolved.label() : "") + " (" + Bf16Support.describe(dev) + ")";
  }

  /** Provenance of an opened encoder: the precision and device it runs with (ONNX models: fp32 on the cpu). */
  static Map<String, Object> provenance(Encoder e) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (e instanceof CptEncoder c) {
      m.put("precision", c.precision().label());
      m.put("device", ComputeDevice.label(c.device()));
    } else {
      m.put("precision", Precision.FP32.label());
      m.put("device", "cpu");
    }
    return m;
  }
}
