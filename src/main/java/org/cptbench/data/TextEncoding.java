package org.cptbench.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.cptbench.CptbenchException;

/**
 * Per-file charset choice for old distributions that mix encodings: UTF-8 when the whole file decodes strictly as
 * UTF-8, otherwise ISO-8859-1 (latin-1, which decodes any byte). SentEval reads MR, CR, SUBJ, MPQA and TREC as
 * latin-1 ({@code io.open(fpath, encoding='latin-1')}); for pure-ASCII files both give the same text, and files that
 * are valid UTF-8 (e.g. SST-2) are not mangled.
 */
public final class TextEncoding {
  private TextEncoding() {}

  /** {@link StandardCharsets#UTF_8} if the file is valid UTF-8, else {@link StandardCharsets#ISO_8859_1}. */
  public static Charset utf8OrLatin1(Path file) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      boolean eof = false;
      while (!eof) {
        eof = ch.read(in) < 0;
        in.flip();
        while (true) {
          CoderResult r = d.decode(in, out, eof);
          if (r.isError()) {
            return StandardCharsets.ISO_8859_1;
          }
          out.clear();
          if (r.isUnderflow()) {
            break;
          }
        }
        in.compact();
      }
      return StandardCharsets.UTF_8;
    } catch (NoSuchFileException e) {
      throw new CptbenchException("file not found: " + file, e);
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
