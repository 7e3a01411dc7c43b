package org.cptbench.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors reader accepts what the writer wrote and rejects malformed files by file and tensor name. */
class SafetensorsFileTest {
  @TempDir Path dir;

  @Test
  void writtenTensorsReadBackExactly() throws IOException {
    Path f = dir.resolve("w.safetensors");
    float[] a = {1.5f, -0f, Float.MIN_VALUE, 3e38f, -7.25f, 0.1f};
    SafetensorsWriter.write(
        f,
        Map.of("b", new FloatTensor(new long[] {2, 3}, a), "a", new FloatTensor(new long[] {}, new float[] {2f})),
        Map.of("format", "pt"));
    SafetensorsFile st = SafetensorsFile.open(f);
    assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(st.tensors().keySet()));
    assertEquals(Map.of("format", "pt"), st.metadata());
    long headerLength = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, headerLength % 8);
    try (NDManager m = NDManager.newBaseManager()) {
      assertArrayEquals(a, st.load("b", m).toFloatArray());
      assertArrayEquals(new long[] {2, 3}, st.load("b", m).getShape().getShape());
      assertArrayEquals(new float[] {2f}, st.load("a", m).toFloatArray());
      CptbenchException e = assertThrows(CptbenchException.class, () -> st.load("c", m));
      assertEquals(f + ": tensor 'c' is missing", e.getMessage());
    }
  }

  @Test
  void halfPrecisionTypesAreWidenedToFloat32() throws IOException {
    String header =
        "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
            + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]}}";
    ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    data.putShort(Float.floatToFloat16(1.5f)).putShort(Float.floatToFloat16(-2f));
    data.putShort((short) (Float.floatToIntBits(0.25f) >>> 16)).putShort((short) (Float.floatToIntBits(-3f) >>> 16));
    Path f = raw(header, data.array());
    try (NDManager m = NDManager.newBaseManager()) {
      SafetensorsFile st = SafetensorsFile.open(f);
      assertArrayEquals(new float[] {1.5f, -2f}, st.load("h", m).toFloatArray());
      assertArrayEquals(new float[] {0.25f, -3f}, st.load("b", m).toFloatArray());
    }
  }

  @Test
  void malformedFilesAreRejectedByFileAndTensor() throws IOException {
    String ok = "{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    assertRejected(raw(ok, new byte[12]), "data end at byte 8 of the data section, but it has 12 bytes");
    assertRejected(raw("{\"t\":{\"dtype\":\"F32\",\"shape\":[2]", new byte[8]), "header is not valid JSON");
    assertRejected(raw("[1]", new byte[0]), "header does not start with '{'");
    assertRejected(raw(ok.replace("F32", "F33"), new byte[8]), "tensor 't': dtype \"F33\" is not a safetensors dtype");
    assertRejected(raw(ok.replace("[2]", "[3]"), new byte[8]), "tensor 't': F32 [3] needs 12 bytes");
    assertRejected(raw(ok.replace("[2]", "[-2]"), new byte[8]), "tensor 't': shape[0] is -2");
    assertRejected(raw(ok.replace("[0,8]", "[8,0]"), new byte[8]), "tensor 't': data_offsets [8, 0] end before");
    assertRejected(raw(ok.replace("\"shape\"", "\"extra\":1,\"shape\""), new byte[8]), "tensor 't' has the unknown");
    assertRejected(raw(ok.replace("}}", "},\"t\":{}}"), new byte[8]), "header is not valid JSON: Duplicate field 't'");
    String overlap =
        "{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"u\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
    assertRejected(raw(overlap, new byte[8]), "tensor 'u': data_offsets [4, 8] overlap the previous tensor");
    String gap = "{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
    assertRejected(raw(gap, new byte[8]), "tensor 't': data_offsets [4, 8] leave a gap");
    assertRejected(raw("{\"__metadata__\":{\"a\":1}}", new byte[0]), "__metadata__.a is not a string");

    Path huge = dir.resolve("huge.safetensors");
    Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
    assertRejected(huge, "header length 1099511627776 is impossible");
    Path tiny = dir.resolve("tiny.safetensors");
    Files.write(tiny, new byte[5]);
    assertRejected(tiny, "is 5 bytes, shorter than the 8-byte header length");
  }

  @Test
  void integerTensorsAreNotReadAsWeights() throws IOException {
    Path f = raw("{\"i\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]);
    try (NDManager m = NDManager.newBaseManager()) {
      CptbenchException e = assertThrows(CptbenchException.class, () -> SafetensorsFile.open(f).load("i", m));
      assertTrue(e.getMessage().startsWith(f + ": tensor 'i' is I64"), e.getMessage());
    }
  }

  private void assertRejected(Path f, String part) {
    CptbenchException e = assertThrows(CptbenchException.class, () -> SafetensorsFile.open(f));
    assertTrue(e.getMessage().startsWith(f + ": malformed safetensors: "), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private int files;

  /** A file with the given header (unpadded) and data section. */
  private Path raw(String header, byte[] data) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Path f = dir.resolve("f" + files++ + ".safetensors");
    Files.write(f, b.array());
    return f;
  }
}
