package org.cptbench.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per folder, across processes: a live holder refuses a second writer; a killed one is taken over. */
class FolderLockTest {
  @TempDir Path tmp;

  /** A second JVM that takes the lock of {@code args[0]}, says so, and waits to be killed. */
  public static final class Holder {
    public static void main(String[] args) throws InterruptedException {
      try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), "harness train --out " + args[0])) {
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
      }
    }
  }

  private Process startHolder(Path dir) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("locked", out.readLine());
    return p;
  }

  @Test
  void aLiveHolderInAnotherProcessIsNamedAndADeadOneIsTakenOver() throws Exception {
    Path dir = tmp.resolve("out");
    Process holder = startHolder(dir);
    try {
      CptbenchException e = assertThrows(CptbenchException.class, () -> FolderLock.acquire(dir, "harness train"));
      assertTrue(e.getMessage().contains(dir + " is being written by another cptbench process"), e.getMessage());
      assertTrue(e.getMessage().contains("pid " + holder.pid() + " on "), e.getMessage());
      assertTrue(e.getMessage().contains("`harness train --out " + dir + "`"), e.getMessage());
      assertTrue(e.getMessage().contains("started 20"), e.getMessage());
    } finally {
      holder.destroyForcibly(); // kill -9: the OS drops the lock, the record stays
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    ByteArrayOutputStream notices = new ByteArrayOutputStream();
    try (FolderLock lock = FolderLock.acquire(dir, "harness train", new PrintStream(notices, true))) {
      String n = notices.toString(StandardCharsets.UTF_8);
      assertTrue(n.contains("taking over from a writer that is no longer running (pid " + holder.pid()), n);
    }
    // a normal close leaves no record: the next writer gets no notice
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    try (FolderLock lock = FolderLock.acquire(dir, "harness train", new PrintStream(none, true))) {
      assertEquals("", none.toString(StandardCharsets.UTF_8));
    }
    assertEquals("", Files.readString(dir.resolve(FolderLock.FILE)));
  }

  @Test
  void theSameFolderTwiceInOneProcessIsRefused() {
    Path dir = tmp.resolve("same");
    try (FolderLock first = FolderLock.acquire(dir, "harness run")) {
      CptbenchException e = assertThrows(CptbenchException.class, () -> FolderLock.acquire(dir, "harness run"));
      assertTrue(e.getMessage().contains("`harness run`"), e.getMessage());
    }
  }
}
