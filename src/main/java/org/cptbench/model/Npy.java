package org.cptbench.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;

/**
 * NumPy {@code .npy} files of a 2-D little-endian float32 matrix (NEP 1, "A Simple File Format for NumPy Arrays"):
 * the magic {@code \x93NUMPY}, version bytes {@code 1 0}, a little-endian uint16 header length, then the ASCII
 * header {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }} padded with spaces and ended by
 * {@code \n} so that the data starts at a multiple of 64 bytes, then the n*d values row by row. What
 * {@code numpy.save} writes for a C-ordered float32 array and {@code numpy.load} reads.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern HEADER =
      Pattern.compile(
          "\\{\\s*'descr'\\s*:\\s*'([^']*)'\\s*,\\s*'fortran_order'\\s*:\\s*(True|False)\\s*,"
              + "\\s*'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)\\s*,?\\s*}\\s*");

  private Npy() {}

  /** The header block (magic to final newline) for an {@code n x d} float32 matrix. */
  static byte[] header(int n, int d) {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ", " + d + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int total = (unpadded + 63) / 64 * 64;
    String text = dict + " ".repeat(total - unpadded) + "\n";
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
    b.put(text.getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  /**
   * Writes {@code rows} (each of length {@code d}) atomically to {@code file}. {@code d} is given so that an empty
   * matrix keeps its width.
   */
  public static void write(Path file, float[][] rows, int d) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null || rows[i].length != d) {
        throw new IllegalArgumentException(
            "rows[" + i + "] has length " + (rows[i] == null ? "null" : rows[i].length) + ", expected " + d);
      }
    }
    AtomicFiles.write(
        file,
        tmp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            out.write(header(rows.length, d));
            ByteBuffer buf = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : rows) {
              buf.clear();
              buf.asFloatBuffer().put(row);
              out.write(buf.array());
            }
          }
        });
  }

  /** Reads a 2-D {@code <f4} C-order matrix written by {@link #write} or {@code numpy.save}. */
  public static float[][] read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      byte[] magic = new byte[6];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw bad(file, "not a .npy file (no \\x93NUMPY magic)");
      }
      int major = in.readUnsignedByte();
      in.readUnsignedByte();
      long headerLength;
      if (major == 1) {
        headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
      } else if (major == 2 || major == 3) {
        headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
      } else {
        throw bad(file, "unsupported .npy version " + major + " (1, 2 or 3 expected)");
      }
      if (headerLength > 1 << 20) {
        throw bad(file, "header of " + headerLength + " bytes is implausibly long");
      }
      byte[] headerBytes = new byte[(int) headerLength];
      in.readFully(headerBytes);
      String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
      Matcher m = HEADER.matcher(header);
      if (!m.matches()) {
        throw bad(file, "header " + header.strip() + " is not a 2-D array header");
      }
      if (!m.group(1).equals("<f4")) {
        throw bad(file, "dtype '" + m.group(1) + "'; only little-endian float32 '<f4' is supported");
      }
      if (m.group(2).equals("True")) {
        throw bad(file, "fortran_order True; only C order is supported");
      }
      long n = Long.parseLong(m.group(3));
      long d = Long.parseLong(m.group(4));
      if (n * d > Integer.MAX_VALUE - 8 || 4 * d > Integer.MAX_VALUE - 8) {
        throw bad(file, "shape (" + n + ", " + d + ") is too large");
      }
      float[][] rows = new float[(int) n][(int) d];
      byte[] bytes = new byte[4 * (int) d];
      for (int i = 0; i < n; i++) {
        in.readFully(bytes);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(rows[i]);
      }
      if (in.read() != -1) {
        throw bad(file, "longer than its shape (" + n + ", " + d + ") says");
      }
      return rows;
    } catch (EOFException e) {
      throw bad(file, "truncated: shorter than its header says");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static CptbenchException bad(Path file, String problem) {
    return new CptbenchException(file + ": " + problem);
  }
}
