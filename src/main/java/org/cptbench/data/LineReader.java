package org.cptbench.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.cptbench.CptbenchException;

/**
 * Reads a text file line by line, splitting on {@code '\n'} ONLY.
 *
 * <p>Unlike {@link java.io.BufferedReader#readLine()} (which also ends a line at a bare {@code '\r'}) and Python's
 * {@code str.splitlines()} (which also splits at U+0085, U+2028, U+2029, VT, FF, FS, GS, RS), a line here ends only at
 * byte 0x0A. One trailing {@code '\r'} is removed (CRLF files), a byte-order mark at the start of the file is removed,
 * and a final {@code '\n'} does not produce an extra empty line (so {@code "a\n\nb\n"} gives {@code a, "", b}).
 * MS MARCO passages and Wikipedia text contain U+2028 and U+0085 inside lines; they stay inside the line.
 *
 * <p>Lines are decoded strictly: a byte sequence that is invalid in the charset raises a {@link
 * MalformedInputException} naming the file and the 1-based line number. Splitting happens on bytes, which is safe for
 * UTF-8 and ISO-8859-1 (0x0A never occurs inside a multi-byte UTF-8 sequence).
 */
public final class LineReader implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int lineLength;
  private long lineNumber;
  private boolean eof;

  private LineReader(Path file, InputStream in, Charset charset) {
    this.file = file;
    this.in = in;
    this.charset = charset;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Opens {@code file} as strict UTF-8. */
  public static LineReader utf8(Path file) {
    return open(file, StandardCharsets.UTF_8);
  }

  /** Opens {@code file} in {@code charset}; a missing or unreadable file is a {@link CptbenchException}. */
  public static LineReader open(Path file, Charset charset) {
    try {
      return new LineReader(file, Files.newInputStream(file), charset);
    } catch (NoSuchFileException e) {
      throw new CptbenchException("file not found: " + file, e);
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The charset lines are decoded with. */
  public Charset charset() {
    return charset;
  }

  /** The 1-based number of the line last returned by {@link #next()} (0 before the first call). */
  public long lineNumber() {
    return lineNumber;
  }

  /** An error about the line last returned, naming the file and the line number. */
  public MalformedInputException error(String problem) {
    return new MalformedInputException(file, lineNumber, problem);
  }

  /** The next line without its terminator, or null at the end of the file. */
  public String next() {
    lineLength = 0;
    boolean sawAny = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int start = pos;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      append(start, end - start);
      pos = nl < 0 ? limit : nl + 1;
      if (nl >= 0) {
        break;
      }
    }
    lineNumber++;
    int len = lineLength;
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    int off = 0;
    if (lineNumber == 1
        && len >= 3
        && (line[0] & 0xFF) == 0xEF
        && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF
        && charset.equals(StandardCharsets.UTF_8)) {
      off = 3;
    }
    return decode(off, len - off);
  }

  private String decode(int off, int len) {
    if (charset.equals(StandardCharsets.ISO_8859_1)) {
      return new String(line, off, len, StandardCharsets.ISO_8859_1);
    }
    try {
      String s = decoder.reset().decode(ByteBuffer.wrap(line, off, len)).toString();
      return lineNumber == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw error("not valid " + charset.name() + " text (" + e.getMessage() + ")");
    }
  }

  private void append(int start, int n) {
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    }
    System.arraycopy(buf, start, line, lineLength, n);
    lineLength += n;
  }

  private boolean fill() {
    try {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        eof = true;
        pos = limit = 0;
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
