package org.cptbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.Map;
import org.cptbench.model.Bf16Support;
import org.junit.jupiter.api.Test;

class HostProductsTest {
  @Test
  void measuresFp32AndBf16WhereNativeAndSaysWhich() {
    Map<String, Object> r = HostProducts.measure(Device.cpu(), 256, 128, 64);
    assertEquals("256x128x64", r.get("shape"));
    assertEquals("cpu", r.get("device"));
    double fp32 = ((Number) r.get("fp32_gflops")).doubleValue();
    assertTrue(fp32 > 0 && Double.isFinite(fp32), "fp32: " + fp32);
    assertEquals(Bf16Support.nativeOn(Device.cpu()), r.containsKey("bf16_gflops"), "bf16 exactly where native: " + r);
    String line = HostProducts.describe(r);
    assertTrue(line.startsWith("host product 256x128x64 on cpu: fp32 "), line);
    assertEquals(r.containsKey("bf16_gflops"), line.contains(", bf16 "), line);
  }
}
