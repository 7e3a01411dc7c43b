package org.cptbench.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;

/**
 * Where the encoder's tensors live: {@code cpu}, {@code cuda[:N]} or {@code auto} (the first CUDA device when the
 * loaded libtorch is a CUDA build and sees one, else the CPU). {@link #resolve()} checks the request against the
 * loaded PyTorch natives, so asking for a GPU that is not there is a clear error instead of a silent CPU run. The
 * default build ships the CPU natives (README, "CUDA").
 *
 * @param request what the user wrote, normalised ({@code auto}, {@code cpu}, {@code cuda:N})
 */
public record ComputeDevice(String request) {
  private static final Pattern CUDA = Pattern.compile("cuda(?::(\\d+))?");

  public static final ComputeDevice CPU = new ComputeDevice("cpu");
  public static final ComputeDevice AUTO = new ComputeDevice("auto");

  public ComputeDevice {
    if (request == null) {
      throw new CptbenchException("device: missing; allowed: auto, cpu, cuda, cuda:N");
    }
  }

  /** Parses {@code auto | cpu | cuda | cuda:N}; the error names the key, the value and the choices. */
  public static ComputeDevice parse(String key, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("auto") || v.equals("cpu")) {
      return new ComputeDevice(v);
    }
    Matcher m = CUDA.matcher(v);
    if (m.matches()) {
      return new ComputeDevice("cuda:" + (m.group(1) == null ? 0 : Integer.parseInt(m.group(1))));
    }
    throw new CptbenchException(key + ": unknown value '" + value + "'; allowed: auto, cpu, cuda, cuda:N");
  }

  /** The DJL device to use; fails for a CUDA device the loaded natives cannot use. */
  public Device resolve() {
    if (request.equals("cpu")) {
      return Device.cpu();
    }
    Engine engine = Engine.getEngine("PyTorch");
    boolean cudaBuild = engine.hasCapability(StandardCapabilities.CUDA);
    int gpus = cudaBuild ? engine.getGpuCount() : 0;
    if (request.equals("auto")) {
      return gpus > 0 ? Device.gpu(0) : Device.cpu();
    }
    int id = Integer.parseInt(request.substring("cuda:".length()));
    if (!cudaBuild) {
      throw new CptbenchException(
          "device: " + request + " is not available: the loaded PyTorch natives (" + engine.getVersion()
              + ") are a CPU build; build with `./mvnw -Pcuda ...` or point PYTORCH_LIBRARY_PATH at a CUDA libtorch"
              + " (README, \"CUDA\"); allowed here: auto, cpu");
    }
    if (id >= gpus) {
      throw new CptbenchException(
          "device: " + request + " is not available: libtorch sees " + gpus + " CUDA device(s); allowed: auto, cpu"
              + (gpus > 0 ? ", cuda:0..cuda:" + (gpus - 1) : ""));
    }
    return Device.gpu(id);
  }

  /** The label results record for a DJL device: {@code cpu} or {@code cuda:N}. */
  public static String label(Device device) {
    return device.isGpu() ? "cuda:" + device.getDeviceId() : device.getDeviceType();
  }
}
