package org.cptbench.model.safetensors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;

/**
 * Writes float32 tensors as a safetensors file the way the reference implementation does: header keys and data in
 * name order, the header padded with spaces to a multiple of 8 bytes, {@code __metadata__} first. The bytes depend
 * only on the names, shapes and values, so equal weights give identical files. Written atomically.
 */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

  /**
   * Writes {@code tensors} with {@code metadata} (e.g. {@code format: pt}, which Hugging
   * Face {@code transformers} expects).
   */
  public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata) {
    Map<String, FloatTensor> sorted = new TreeMap<>(tensors);
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode header = f.objectNode();
    if (!metadata.isEmpty()) {
      ObjectNode m = header.putObject("__metadata__");
      new TreeMap<>(metadata).forEach(m::put);
    }
    long offset = 0;
    for (Map.Entry<String, FloatTensor> e : sorted.entrySet()) {
      FloatTensor a = e.getValue();
      long bytes = a.data().length * 4L;
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", "F32");
      var shape = t.putArray("shape");
      for (long d : a.shape()) {
        shape.add(d);
      }
      t.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] json = Json.compact(header).getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    AtomicFiles.write(
        file,
        tmp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(json);
            for (int i = json.length; i < padded; i++) {
              out.write(' ');
            }
            for (FloatTensor a : sorted.values()) {
              float[] v = a.data();
              ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
              b.asFloatBuffer().put(v);
              out.write(b.array());
            }
          }
        });
  }
}
