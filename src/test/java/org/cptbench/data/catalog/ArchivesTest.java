package org.cptbench.data.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {
  @TempDir Path tmp;

  static void zip(Path file, String... nameAndText) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < nameAndText.length; i += 2) {
        z.putNextEntry(new ZipEntry(nameAndText[i]));
        z.write(nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
  }

  /** A tar member for {@link #tarGz}: name, type flag, link target. */
  record Member(String name, char type, String link) {
    static Member file(String name) {
      return new Member(name, '0', "");
    }
  }

  /** Writes a ustar archive, gzip'd; a file member holds "content of NAME". */
  static void tarGz(Path file, Member... members) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (Member m : members) {
        byte[] data = m.type() == '0' ? ("content of " + m.name()).getBytes(StandardCharsets.UTF_8) : new byte[0];
        byte[] h = new byte[512];
        put(h, 0, m.name());
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, "00000000000");
        h[156] = (byte) m.type();
        put(h, 157, m.link());
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
          h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
          sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
      }
      out.write(new byte[1024]);
    }
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, off, b.length);
  }

  @Test
  void extractsZipEntriesIntoNestedFolders() throws IOException {
    Path zip = tmp.resolve("ok.zip");
    zip(zip, "data/a.txt", "alpha\n", "b.txt", "beta");
    Path out = tmp.resolve("out");
    assertEquals(List.of("data/a.txt", "b.txt"), Archives.extract(zip, ArchiveFormat.ZIP, out));
    assertEquals("alpha\n", Files.readString(out.resolve("data/a.txt")));
    assertEquals("beta", Files.readString(out.resolve("b.txt")));
  }

  @Test
  void refusesZipSlipEntriesBeforeWritingAnything() throws IOException {
    for (String evil : new String[] {"../evil", "data/../../evil", "/tmp/evil", "C:/evil", "a\\..\\evil"}) {
      Path zip = tmp.resolve("evil.zip");
      zip(zip, "good.txt", "fine", evil, "pwned");
      Path out = tmp.resolve("out-" + Math.abs(evil.hashCode()));
      CptbenchException e =
          assertThrows(CptbenchException.class, () -> Archives.extract(zip, ArchiveFormat.ZIP, out));
      assertTrue(e.getMessage().contains("refusing entry '" + evil + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("zip-slip"), e.getMessage());
      assertFalse(Files.exists(out.resolve("good.txt")), "nothing is extracted from a refused archive");
      assertFalse(Files.exists(tmp.resolve("evil")));
    }
  }

  @Test
  void extractsTarGzAndStripsDotSlash() throws IOException {
    Path tgz = tmp.resolve("ok.tar.gz");
    tarGz(tgz, new Member("./stsbenchmark/", '5', ""), Member.file("./stsbenchmark/sts-dev.csv"));
    Path out = tmp.resolve("out");
    assertEquals(List.of("stsbenchmark/sts-dev.csv"), Archives.extract(tgz, ArchiveFormat.TAR_GZ, out));
    assertEquals("content of ./stsbenchmark/sts-dev.csv", Files.readString(out.resolve("stsbenchmark/sts-dev.csv")));
  }

  @Test
  void refusesTarSymlinksAndEscapingEntries() throws IOException {
    Path tgz = tmp.resolve("link.tar.gz");
    tarGz(tgz, Member.file("ok.txt"), new Member("data/passwd", '2', "/etc/passwd"));
    Path out = tmp.resolve("out");
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> Archives.extract(tgz, ArchiveFormat.TAR_GZ, out));
    assertTrue(e.getMessage().contains("refusing link entry 'data/passwd' -> '/etc/passwd'"), e.getMessage());
    assertFalse(Files.exists(out.resolve("ok.txt")));

    Path slip = tmp.resolve("slip.tar.gz");
    tarGz(slip, Member.file("../evil"));
    CptbenchException e2 =
        assertThrows(CptbenchException.class, () -> Archives.extract(slip, ArchiveFormat.TAR_GZ, out));
    assertTrue(e2.getMessage().contains("refusing entry '../evil'"), e2.getMessage());
    assertFalse(Files.exists(tmp.resolve("evil")));
  }

  @Test
  void refusesHardLinksAndDevicesAndBadChecksums() throws IOException {
    Path hard = tmp.resolve("hard.tar.gz");
    tarGz(hard, new Member("x", '1', "../../etc/shadow"));
    assertTrue(
        assertThrows(CptbenchException.class, () -> Archives.extract(hard, ArchiveFormat.TAR_GZ, tmp.resolve("o1")))
            .getMessage()
            .contains("refusing link entry 'x'"));
    Path dev = tmp.resolve("dev.tar.gz");
    tarGz(dev, new Member("null", '3', ""));
    assertTrue(
        assertThrows(CptbenchException.class, () -> Archives.extract(dev, ArchiveFormat.TAR_GZ, tmp.resolve("o2")))
            .getMessage()
            .contains("refusing special entry 'null' (type 3)"));
    Path notTar = tmp.resolve("text.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(notTar))) {
      out.write(new byte[512]);
      out.write("x".repeat(512).getBytes(StandardCharsets.UTF_8));
    }
    // a zero block ends the archive: nothing extracted, no error
    assertEquals(List.of(), Archives.extract(notTar, ArchiveFormat.TAR_GZ, tmp.resolve("o3")));
    Path garbage = tmp.resolve("garbage.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(garbage))) {
      out.write("y".repeat(512).getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(
        assertThrows(CptbenchException.class, () -> Archives.extract(garbage, ArchiveFormat.TAR_GZ, tmp.resolve("o4")))
            .getMessage()
            .contains("not a tar archive"));
  }

  @Test
  void safePathsRules() {
    assertEquals(null, SafePaths.problem("a/b.txt"));
    assertEquals(null, SafePaths.problem("dir/"));
    assertEquals("absolute path", SafePaths.problem("/a"));
    assertEquals("backslash in path", SafePaths.problem("a\\b"));
    assertTrue(SafePaths.problem("a//b").contains("'' segment"));
    assertTrue(SafePaths.problem("./a").contains("'.' segment"));
  }
}
