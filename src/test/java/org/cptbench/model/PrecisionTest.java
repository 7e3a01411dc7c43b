package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class PrecisionTest {
  static final EncoderSpec SPEC = new EncoderSpec(64, 2, 64, 4, 128, 16, Attention.CAUSAL, Pooling.EOS);

  @Test
  void parsesTheThreeValuesAndNamesKeyValueAndChoicesOnError() {
    assertEquals(Precision.BF16, Precision.parse("--precision", " BF16 "));
    assertEquals(Precision.AUTO, Precision.parse("--precision", "auto"));
    var e = assertThrows(CptbenchException.class, () -> Precision.parse("encoder.precision", "fp16"));
    assertTrue(e.getMessage().contains("encoder.precision") && e.getMessage().contains("'fp16'")
        && e.getMessage().contains("[fp32, bf16, auto]"), e.getMessage());
  }

  @Test
  void autoFollowsTheCpuFlags() {
    assertTrue(Bf16Support.cpuFlags("flags\t\t: fpu sse avx512f avx512_bf16 avx512vl\n"));
    assertTrue(Bf16Support.cpuFlags("flags\t\t: fpu amx_bf16 amx_tile\n"));
    assertFalse(Bf16Support.cpuFlags("flags\t\t: fpu sse avx2 avx512f avx512_fp16\n"));
    assertFalse(Bf16Support.cpuFlags(""));
    Precision resolved = Precision.AUTO.resolve(Device.cpu());
    assertEquals(Bf16Support.nativeOn(Device.cpu()) ? Precision.BF16 : Precision.FP32, resolved);
    assertEquals(Precision.FP32, Precision.FP32.resolve(Device.cpu()));
    assertEquals(Precision.BF16, Precision.BF16.resolve(Device.cpu()));
    assertThrows(IllegalStateException.class, () -> Precision.AUTO.autocast(Device.cpu()));
  }

  @Test
  void autocastRunsProductsInBf16OnlyInsideTheScope() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray a = m.randomNormal(new Shape(64, 64));
      NDArray b = m.randomNormal(new Shape(64, 64));
      NDArray ref = a.matMul(b);
      assertEquals(DataType.FLOAT32, ref.getDataType());
      NDArray low;
      try (Precision.Scope ac = Precision.BF16.autocast(Device.cpu())) {
        assertTrue(Autocast.enabled(Device.cpu()));
        low = a.matMul(b);
        NDArray sum = a.add(b); // not a product: stays fp32
        assertEquals(DataType.FLOAT32, sum.getDataType());
      }
      assertFalse(Autocast.enabled(Device.cpu()), "closing the scope turns autocast off again");
      assertEquals(DataType.UNKNOWN, low.getDataType(), "DJL reports bf16 as UNKNOWN");
      NDArray back = low.toType(DataType.FLOAT32, false);
      float err = ref.sub(back).abs().max().getFloat() / ref.abs().max().getFloat();
      assertTrue(err > 0 && err < 1.0 / 64, "bf16 product error relative to fp32: " + err);
      assertEquals(DataType.FLOAT32, a.matMul(b).getDataType());
    }
  }

  @Test
  void bf16EncoderGivesFp32EmbeddingsCloseToFp32OnTheModelDevice() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu());
        TransformerWeights w = TransformerWeights.initialise(SPEC, 3, m)) {
      int[][] seqs = {{2, 10, 11, 12, 3}, {2, 20, 21, 3}, {2, 30, 31, 32, 33, 34, 3}};
      CptEncoder fp32 = CptEncoder.wrap("fp32", null, new CptTransformer(SPEC, w), 0);
      CptEncoder bf16 = CptEncoder.wrap("bf16", null, new CptTransformer(SPEC, w, Precision.BF16), 0);
      assertEquals(Device.cpu(), bf16.device());
      float[][] a = fp32.embedTokens(seqs);
      float[][] b = bf16.embedTokens(seqs);
      for (int i = 0; i < a.length; i++) {
        double cos = 0;
        boolean same = true;
        for (int j = 0; j < a[i].length; j++) {
          cos += a[i][j] * b[i][j];
          same &= a[i][j] == b[i][j];
        }
        assertTrue(cos > 0.99, "cosine of bf16 and fp32 embedding " + i + ": " + cos);
        assertFalse(same, "bf16 embedding " + i + " equals the fp32 one: no bf16 product ran");
      }
      assertThrows(IllegalArgumentException.class, () -> new CptTransformer(SPEC, w, Precision.AUTO));
    }
  }

  @Test
  void aManagerOnAnotherDeviceThanTheModelIsRefused() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu());
        TransformerWeights w = TransformerWeights.initialise(SPEC, 3, m);
        NDManager gpu = NDManager.newBaseManager(Device.gpu(0))) {
      CptTransformer model = new CptTransformer(SPEC, w, Precision.BF16);
      TokenBatch batch = TokenBatch.of(new int[][] {{2, 10, 3}}, 0, Pooling.EOS);
      var e = assertThrows(IllegalArgumentException.class, () -> model.embed(batch, gpu));
      assertTrue(e.getMessage().contains("gpu(0)"), e.getMessage());
      NDArray v = model.embed(batch, m);
      assertEquals(Device.cpu(), v.getDevice());
      assertEquals(DataType.FLOAT32, v.getDataType());
    }
  }

  @Test
  void deviceFlagParsesAndRefusesACudaDeviceTheNativesCannotUse() {
    assertEquals("cuda:0", ComputeDevice.parse("--device", "cuda").request());
    assertEquals("cuda:3", ComputeDevice.parse("--device", "CUDA:3").request());
    assertEquals(Device.cpu(), ComputeDevice.parse("--device", "cpu").resolve());
    var bad = assertThrows(CptbenchException.class, () -> ComputeDevice.parse("--device", "tpu"));
    assertTrue(bad.getMessage().contains("--device") && bad.getMessage().contains("'tpu'")
        && bad.getMessage().contains("cuda:N"), bad.getMessage());
    Device auto = ComputeDevice.AUTO.resolve();
    boolean cuda = ai.djl.engine.Engine.getEngine("PyTorch")
        .hasCapability(ai.djl.engine.StandardCapabilities.CUDA);
    if (!cuda) {
      assertEquals(Device.cpu(), auto, "auto on a CPU build of libtorch");
      var e = assertThrows(CptbenchException.class, () -> ComputeDevice.parse("--device", "cuda:0").resolve());
      assertTrue(e.getMessage().contains("CPU build") && e.getMessage().contains("README"), e.getMessage());
    }
    var e = assertThrows(CptbenchException.class, () -> ComputeDevice.parse("--device", "cuda:99").resolve());
    assertTrue(e.getMessage().contains("cuda:99"), e.getMessage());
  }
}
