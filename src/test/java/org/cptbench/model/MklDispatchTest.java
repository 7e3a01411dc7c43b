package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class MklDispatchTest {

  @Test
  void readsCpuinfoFields() {
    String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu avx2 avx512f\n\nprocessor\t: 1\n";
    assertEquals(Optional.of("AuthenticAMD"), MklDispatch.field(cpuinfo, "vendor_id"));
    assertEquals(Optional.of("fpu avx2 avx512f"), MklDispatch.field(cpuinfo, "flags"));
    assertEquals(Optional.empty(), MklDispatch.field(cpuinfo, "model name"));
  }

  @Test
  void aBadSettingNamesTheVariableAndTheAllowedValues() {
    String old = System.getProperty("cptbench.mkl");
    try {
      System.setProperty("cptbench.mkl", "fast");
      CptbenchException e = assertThrows(CptbenchException.class, MklDispatch::modeFromEnvironment);
      assertEquals("CPTBENCH_MKL: 'fast' is not a valid value; allowed: auto, off", e.getMessage());
      System.setProperty("cptbench.mkl", "OFF");
      assertEquals(MklDispatch.Mode.OFF, MklDispatch.modeFromEnvironment());
    } finally {
      if (old == null) {
        System.clearProperty("cptbench.mkl");
      } else {
        System.setProperty("cptbench.mkl", old);
      }
    }
  }

  /**
   * In fresh JVMs (MKL fixes its code path at the first multiply): with {@code auto} the vendor check is patched
   * on a non-Intel x86 CPU with AVX2 (this project's machines) and the product equals MKL's own path's within
   * float rounding; with {@code off} nothing is touched.
   */
  @Test
  void autoPatchesMklOnNonIntelCpusAndTheProductsAgree() throws Exception {
    Map<String, String> auto = probe("AUTO");
    Map<String, String> off = probe("OFF");
    assertEquals("off", off.get("STATE"));
    assertTrue(
        Set.of("patched", "intel", "not-applicable", "no-mkl").contains(auto.get("STATE")),
        "unexpected outcome: " + auto);
    String cpuinfo = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo"));
    String vendor = MklDispatch.field(cpuinfo, "vendor_id").orElse("");
    String flags = " " + MklDispatch.field(cpuinfo, "flags").orElse("") + " ";
    if (!vendor.equals("GenuineIntel") && flags.contains(" avx2 ")) {
      assertEquals("patched", auto.get("STATE"), "DJL's libtorch links MKL, so it should be patched: " + auto);
    }
    String[] a = auto.get("PRODUCT").split(" ");
    String[] b = off.get("PRODUCT").split(" ");
    assertEquals(b.length, a.length);
    for (int i = 0; i < a.length; i++) {
      float x = Float.parseFloat(a[i]);
      float y = Float.parseFloat(b[i]);
      assertEquals(y, x, 1e-4f * Math.max(1f, Math.abs(y)), "product element " + i);
    }
    assertNotEquals(0, a.length);
  }

  private static Map<String, String> probe(String mode) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) {
        cmd.add(arg);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MklDispatchProbe.class.getName());
    cmd.add(mode);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && Set.of("STATE", "DETAIL", "PRODUCT").contains(line.substring(0, sp))) {
        m.put(line.substring(0, sp), line.substring(sp + 1).trim());
      }
    }
    assertTrue(m.containsKey("STATE") && m.containsKey("PRODUCT"), out);
    return m;
  }
}
