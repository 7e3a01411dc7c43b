package org.cptbench.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;

/**
 * A validated safetensors file (the Hugging Face format: an unsigned 64-bit little-endian header length N, N bytes
 * of UTF-8 JSON, then the data section). {@link #open} checks the whole header before any data is read: N is at
 * most {@value #MAX_HEADER_BYTES} and fits the file; the header is one JSON object without duplicate keys whose
 * optional {@code __metadata__} maps strings to strings and whose every other key is a tensor with exactly
 * {@code dtype} (a format dtype), {@code shape} (non-negative integers) and {@code data_offsets} ({@code [begin,
 * end]}, {@code end - begin} = elements x dtype size); the byte ranges, sorted, tile the data section exactly (no
 * gap, no overlap, nothing after the last). Every error names the file and, where there is one, the tensor.
 *
 * <p>DJL 0.36 can decode safetensors ({@code NDList.decode}), but checks none of this (only that
 * {@code data_offsets} has two entries), limits offsets to 2 GiB, and its errors name neither file nor tensor.
 */
public final class SafetensorsFile {
  /** The limit of the reference implementation (safetensors' {@code MAX_HEADER_SIZE}). */
  public static final long MAX_HEADER_BYTES = 100_000_000L;

  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Path file;
  private final long dataStart;
  private final Map<String, TensorEntry> tensors;
  private final Map<String, String> metadata;

  private SafetensorsFile(Path file, long dataStart, Map<String, TensorEntry> tensors, Map<String, String> metadata) {
    this.file = file;
    this.dataStart = dataStart;
    this.tensors = Collections.unmodifiableMap(tensors);
    this.metadata = Collections.unmodifiableMap(metadata);
  }

  /** Reads and validates the header of {@code file}. */
  public static SafetensorsFile open(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw bad(file, "is " + size + " bytes, shorter than the 8-byte header length");
      }
      long n = read(ch, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (n < 2 || n > MAX_HEADER_BYTES || n > size - 8) {
        throw bad(
            file,
            "header length " + Long.toUnsignedString(n) + " is impossible (file size " + size + ", limit "
                + MAX_HEADER_BYTES + ")");
      }
      ByteBuffer headerBytes = read(ch, 8, (int) n);
      String header;
      try {
        header =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(headerBytes)
                .toString();
      } catch (CharacterCodingException e) {
        throw bad(file, "header is not UTF-8");
      }
      if (!header.startsWith("{")) {
        throw bad(file, "header does not start with '{'");
      }
      JsonNode root;
      try (JsonParser p = STRICT.createParser(header)) {
        root = STRICT.readTree(p);
        if (p.nextToken() != null) {
          throw bad(file, "header has text after its JSON object");
        }
      } catch (IOException e) {
        throw bad(file, "header is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
      }
      if (root == null || !root.isObject()) {
        throw bad(file, "header is not a JSON object");
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      Map<String, TensorEntry> tensors = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (e.getKey().equals("__metadata__")) {
          readMetadata(file, e.getValue(), metadata);
        } else {
          tensors.put(e.getKey(), entry(file, e.getKey(), e.getValue()));
        }
      }
      checkTiling(file, tensors.values(), size - 8 - n);
      return new SafetensorsFile(file, 8 + n, tensors, metadata);
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void readMetadata(Path file, JsonNode m, Map<String, String> out) {
    if (!m.isObject()) {
      throw bad(file, "__metadata__ is not an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      if (!e.getValue().isTextual()) {
        throw bad(file, "__metadata__." + e.getKey() + " is not a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
  }

  private static TensorEntry entry(Path file, String name, JsonNode n) {
    String where = "tensor '" + name + "'";
    if (!n.isObject()) {
      throw bad(file, where + " is not an object");
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!List.of("dtype", "shape", "data_offsets").contains(e.getKey())) {
        throw bad(file, where + " has the unknown key '" + e.getKey() + "'; allowed: dtype, shape, data_offsets");
      }
    }
    JsonNode dt = n.get("dtype");
    SafetensorsDtype dtype = dt != null && dt.isTextual() ? SafetensorsDtype.of(dt.asText()) : null;
    if (dtype == null) {
      throw bad(
          file,
          where + ": dtype " + dt + " is not a safetensors dtype; allowed: "
              + java.util.Arrays.toString(SafetensorsDtype.values()));
    }
    long[] shape = longs(file, where, "shape", n.get("shape"), -1);
    long[] offsets = longs(file, where, "data_offsets", n.get("data_offsets"), 2);
    if (offsets[1] < offsets[0]) {
      throw bad(file, where + ": data_offsets [" + offsets[0] + ", " + offsets[1] + "] end before they begin");
    }
    TensorEntry t = new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    long bytes;
    try {
      bytes = Math.multiplyExact(t.elements(), dtype.bytes());
    } catch (ArithmeticException e) {
      throw bad(file, where + ": shape " + java.util.Arrays.toString(shape) + " is too large");
    }
    if (bytes != offsets[1] - offsets[0]) {
      throw bad(
          file,
          where + ": " + dtype + " " + java.util.Arrays.toString(shape) + " needs " + bytes
              + " bytes, data_offsets [" + offsets[0] + ", " + offsets[1] + "] hold " + (offsets[1] - offsets[0]));
    }
    return t;
  }

  private static long[] longs(Path file, String where, String key, JsonNode n, int length) {
    if (n == null || !n.isArray() || (length >= 0 && n.size() != length)) {
      throw bad(file, where + ": " + key + " is " + n + ", expected an array" + (length >= 0 ? " of " + length : ""));
    }
    long[] out = new long[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = n.get(i);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
        throw bad(file, where + ": " + key + "[" + i + "] is " + v + ", expected a non-negative integer");
      }
      out[i] = v.asLong();
    }
    return out;
  }

  /** The sorted byte ranges must cover {@code [0, dataBytes)} exactly. */
  private static void checkTiling(Path file, java.util.Collection<TensorEntry> entries, long dataBytes) {
    List<TensorEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
    long at = 0;
    for (TensorEntry t : sorted) {
      if (t.begin() != at) {
        throw bad(
            file,
            "tensor '" + t.name() + "': data_offsets [" + t.begin() + ", " + t.end() + "] "
                + (t.begin() < at ? "overlap the previous tensor" : "leave a gap") + " (expected to begin at "
                + at + ")");
      }
      at = t.end();
    }
    if (at != dataBytes) {
      throw bad(
          file,
          "the tensors' data end at byte " + at + " of the data section, but it has " + dataBytes + " bytes"
              + (sorted.isEmpty() ? "" : " (last tensor: '" + sorted.getLast().name() + "')"));
    }
  }

  private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    return b.flip();
  }

  static CptbenchException bad(Path file, String message) {
    return new CptbenchException(file + ": malformed safetensors: " + message);
  }

  public Path file() {
    return file;
  }

  /** The tensors in header order. */
  public Map<String, TensorEntry> tensors() {
    return tensors;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Reads one floating-point tensor as a float32 NDArray named {@code name} in {@code manager}.
   *
   * @throws CptbenchException naming the file and tensor when it is absent or not floating-point
   */
  public NDArray load(String name, NDManager manager) {
    TensorEntry t = tensors.get(name);
    if (t == null) {
      throw new CptbenchException(file + ": tensor '" + name + "' is missing");
    }
    if (!t.dtype().floating()) {
      throw new CptbenchException(
          file + ": tensor '" + name + "' is " + t.dtype() + "; expected a floating-point dtype (F32, F16, BF16, F64)");
    }
    int n = Math.toIntExact(t.elements());
    float[] data = new float[n];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = read(ch, dataStart + t.begin(), Math.toIntExact(t.end() - t.begin()));
      b.order(ByteOrder.LITTLE_ENDIAN);
      switch (t.dtype()) {
        case F32 -> b.asFloatBuffer().get(data);
        case F64 -> {
          for (int i = 0; i < n; i++) {
            data[i] = (float) b.getDouble();
          }
        }
        case F16 -> {
          for (int i = 0; i < n; i++) {
            data[i] = Float.float16ToFloat(b.getShort());
          }
        }
        case BF16 -> {
          for (int i = 0; i < n; i++) {
            data[i] = Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
          }
        }
        default -> throw new IllegalStateException(t.dtype().name());
      }
    } catch (IOException e) {
      throw new CptbenchException("cannot read tensor '" + name + "' of " + file + ": " + e.getMessage(), e);
    }
    NDArray a = manager.create(data, new Shape(t.shape()));
    a.setName(name);
    return a;
  }
}
