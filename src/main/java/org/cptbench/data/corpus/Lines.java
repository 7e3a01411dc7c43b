package org.cptbench.data.corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.cptbench.data.MalformedInputException;

/**
 * Line reading for corpus files. Lines end at {@code \n} only (a trailing {@code \r} is removed; U+2028 and other
 * Unicode separators stay inside a line), a leading UTF-8 byte-order mark is dropped, files ending in {@code .gz}
 * are gunzipped. Each line is decoded on its own with a {@link Decoding} policy.
 */
final class Lines {
  /** How to turn a line's bytes into text. */
  enum Decoding {
    /** UTF-8; invalid bytes are an error naming file and line. */
    STRICT_UTF8,
    /**
     * UTF-8 when the line is valid UTF-8, else windows-1252 (the NLTK corpora mix UTF-8 lines with cp1252/latin-1
     * lines, e.g. state_union/1972-Nixon.txt).
     */
    UTF8_ELSE_CP1252
  }

  private static final Charset CP1252 = Charset.forName("windows-1252");

  private Lines() {}

  /** A decoded line with its 1-based number. */
  record Line(long number, String text) {}

  /** All lines of a file (gunzipped when its name ends in .gz). */
  static List<Line> read(Path file, Decoding decoding) {
    try (InputStream in = open(file)) {
      return read(in, file, decoding);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The stream of a file, gunzipped when its name ends in .gz. */
  static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** All lines of a stream; {@code source} names it in errors. */
  static List<Line> read(InputStream in, Path source, Decoding decoding) throws IOException {
    List<Line> lines = new ArrayList<>();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    byte[] chunk = new byte[1 << 16];
    long number = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (chunk[i] == '\n') {
          buf.write(chunk, from, i - from);
          lines.add(new Line(++number, decode(buf.toByteArray(), source, number, decoding)));
          buf.reset();
          from = i + 1;
        }
      }
      buf.write(chunk, from, n - from);
    }
    if (buf.size() > 0) {
      lines.add(new Line(++number, decode(buf.toByteArray(), source, number, decoding)));
    }
    return lines;
  }

  static String decode(byte[] bytes, Path source, long line, Decoding decoding) {
    int start = 0;
    int end = bytes.length;
    if (line == 1 && end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    ByteBuffer bb = ByteBuffer.wrap(bytes, start, end - start);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bb)
          .toString();
    } catch (CharacterCodingException e) {
      if (decoding == Decoding.STRICT_UTF8) {
        throw new MalformedInputException(source, line, "not valid UTF-8 text");
      }
      return new String(bytes, start, end - start, CP1252);
    }
  }
}
