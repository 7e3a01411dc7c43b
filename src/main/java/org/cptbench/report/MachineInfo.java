package org.cptbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine a benchmark report describes: the CPU model (first {@code model name} of {@code /proc/cpuinfo}), the
 * number of logical CPUs there ({@code processor} entries), the processors available to the JVM, and the
 * environment variables that change the speed of the native kernels ({@link #ENV_KEYS}; the launcher sets them for
 * JMH and the report alike).
 *
 * @param cpu CPU model, or {@code unknown CPU} without {@code /proc/cpuinfo}
 * @param logicalCpus logical CPUs of the machine (the JVM's available processors without {@code /proc/cpuinfo})
 * @param available processors available to the JVM ({@link Runtime#availableProcessors()})
 * @param env each of {@link #ENV_KEYS} with its value, or {@code unset}
 */
public record MachineInfo(String cpu, int logicalCpus, int available, Map<String, String> env) {
  /** The environment variables reported. */
  public static final List<String> ENV_KEYS = List.of("GLIBC_TUNABLES", "ATEN_CPU_CAPABILITY", "OMP_NUM_THREADS");

  public MachineInfo {
    env = Map.copyOf(env);
  }

  /** This machine and this process's environment. */
  public static MachineInfo current() {
    return of(Path.of("/proc/cpuinfo"), System.getenv(), Runtime.getRuntime().availableProcessors());
  }

  /** From a cpuinfo file (absent or unreadable: unknown CPU) and an environment. */
  static MachineInfo of(Path cpuinfo, Map<String, String> environment, int available) {
    String cpu = "unknown CPU";
    int processors = 0;
    try {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon).strip();
        if (key.equals("processor")) {
          processors++;
        } else if (key.equals("model name") && cpu.equals("unknown CPU")) {
          cpu = line.substring(colon + 1).strip();
        }
      }
    } catch (IOException e) {
      processors = 0;
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String key : ENV_KEYS) {
      String v = environment.get(key);
      env.put(key, v == null ? "unset" : v);
    }
    return new MachineInfo(cpu, processors > 0 ? processors : available, available, env);
  }

  /** {@code CPU, N logical CPUs (M available to the JVM)}. */
  public String hardware() {
    return cpu + ", " + logicalCpus + " logical CPUs (" + available + " available to the JVM)";
  }

  /** {@code `KEY=value`} for each of {@link #ENV_KEYS}, comma separated. */
  public String environment() {
    StringBuilder s = new StringBuilder();
    for (String key : ENV_KEYS) {
      s.append(s.isEmpty() ? "" : ", ").append('`').append(key).append('=').append(env.get(key)).append('`');
    }
    return s.toString();
  }
}
