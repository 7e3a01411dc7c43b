package org.cptbench.data.catalog;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.cptbench.CptbenchException;

/**
 * A minimal streaming reader of POSIX tar archives (ustar, with the GNU {@code L}/{@code K} long-name and POSIX pax
 * {@code x} extended-header records that GNU tar and Python's tarfile write). Headers are 512-byte blocks: name
 * (offset 0, 100 bytes), size (124, 12 octal digits or GNU base-256), checksum (148, 8), type flag (156), link name
 * (157, 100), magic {@code ustar} (257) and name prefix (345, 155); file data follows, padded to 512 bytes; two
 * zero blocks end the archive. The header checksum is verified. (commons-compress is on the classpath only through
 * DJL, without the commons-lang3 its tar code needs, so tar is read here.)
 */
final class TarReader {
  /** One archive member. */
  record Entry(String name, char type, long size, String linkName) {
    boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }

    boolean isDirectory() {
      return type == '5' || (isFile() && name.endsWith("/"));
    }

    boolean isLink() {
      return type == '1' || type == '2';
    }
  }

  private final InputStream in;
  private final String source;
  private long remaining;
  private long padding;

  TarReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The next member (its data is then read with {@link #copyData}), or null at the end of the archive. */
  Entry next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    String longLink = null;
    while (true) {
      byte[] h = new byte[512];
      if (!readBlock(h)) {
        return null;
      }
      if (allZero(h)) {
        return null;
      }
      checkSum(h);
      char type = (char) h[156];
      long size = number(h, 124, 12);
      String name = string(h, 0, 100);
      if (string(h, 257, 5).equals("ustar")) {
        String prefix = string(h, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
      }
      String link = string(h, 157, 100);
      if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
        byte[] data = readData(size);
        if (type == 'L') {
          longName = cString(data);
        } else if (type == 'K') {
          longLink = cString(data);
        } else if (type == 'x') {
          String[] pax = parsePax(data);
          longName = pax[0] != null ? pax[0] : longName;
          longLink = pax[1] != null ? pax[1] : longLink;
        }
        continue;
      }
      remaining = size;
      padding = (512 - size % 512) % 512;
      return new Entry(longName != null ? longName : name, type, size, longLink != null ? longLink : link);
    }
  }

  /** Copies the current member's data. */
  void copyData(OutputStream out) throws IOException {
    byte[] buf = new byte[1 << 16];
    while (remaining > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
      if (n < 0) {
        throw new EOFException(source + ": tar member data truncated");
      }
      out.write(buf, 0, n);
      remaining -= n;
    }
  }

  private byte[] readData(long size) throws IOException {
    if (size > (1 << 20)) {
      throw new CptbenchException(source + ": tar extended header of " + size + " bytes is too large");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length != size) {
      throw new EOFException(source + ": tar header data truncated");
    }
    skip((512 - size % 512) % 512);
    return data;
  }

  private boolean readBlock(byte[] h) throws IOException {
    int n = in.readNBytes(h, 0, 512);
    if (n == 0) {
      return false;
    }
    if (n < 512) {
      throw new EOFException(source + ": truncated tar header");
    }
    return true;
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new EOFException(source + ": tar archive truncated");
        }
        s = 1;
      }
      left -= s;
    }
  }

  private void checkSum(byte[] h) {
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    long stored;
    try {
      stored = number(h, 148, 8);
    } catch (CptbenchException e) {
      stored = -1;
    }
    if (stored != sum) {
      throw new CptbenchException(source + ": not a tar archive (header checksum " + stored + " != " + sum + ")");
    }
  }

  private long number(byte[] h, int off, int len) {
    if ((h[off] & 0x80) != 0) {
      long v = 0;
      for (int i = off + 1; i < off + len; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
    String s = string(h, off, len).strip();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new CptbenchException(source + ": bad octal number '" + s + "' in tar header");
    }
  }

  private static String string(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }

  private static String cString(byte[] data) {
    return string(data, 0, data.length);
  }

  /** path and linkpath of a pax record block ({@code "<len> key=value\n"}...). */
  private String[] parsePax(byte[] data) {
    String[] out = new String[2];
    int pos = 0;
    while (pos < data.length) {
      int space = pos;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      int len;
      try {
        len = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new CptbenchException(source + ": malformed pax header");
      }
      if (len <= 0 || pos + len > data.length) {
        throw new CptbenchException(source + ": malformed pax header");
      }
      String record = new String(data, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0) {
        String key = record.substring(0, eq);
        if (key.equals("path")) {
          out[0] = record.substring(eq + 1);
        } else if (key.equals("linkpath")) {
          out[1] = record.substring(eq + 1);
        }
      }
      pos += len;
    }
    return out;
  }

  private static boolean allZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
