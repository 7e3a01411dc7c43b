package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint integrity: every file's sha256 is recorded; a truncated, changed or missing file is named. */
class CheckpointChecksumsTest {
  @TempDir Path tmp;

  private Path checkpoint() throws IOException {
    Path dir = tmp.resolve("step-40");
    Files.createDirectories(dir);
    Files.write(dir.resolve(Checkpoint.WEIGHTS), new byte[4096]);
    Files.write(dir.resolve(Checkpoint.OPTIMIZER), new byte[8192]);
    Files.writeString(dir.resolve(Checkpoint.CONFIG), "{\"format\":\"" + Checkpoint.FORMAT + "\"}");
    Checkpoint.writeChecksums(dir);
    return dir;
  }

  @Test
  void anIntactCheckpointVerifiesAndTheFileIsSha256sumFormat() throws IOException {
    Path dir = checkpoint();
    assertDoesNotThrow(() -> Checkpoint.verify(dir, "recover"));
    String sums = Files.readString(dir.resolve(Checkpoint.CHECKSUMS));
    assertTrue(sums.matches("(?s)([0-9a-f]{64}  [a-z.]+\\n){3}"), sums);
  }

  @Test
  void aTruncatedOptimizerStateIsNamedWithTheWayToRecover() throws IOException {
    Path dir = checkpoint();
    try (FileChannel ch = FileChannel.open(dir.resolve(Checkpoint.OPTIMIZER), StandardOpenOption.WRITE)) {
      ch.truncate(100);
    }
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> Checkpoint.verify(dir, "delete it to resume from the previous"));
    assertTrue(e.getMessage().contains("checkpoint " + dir + " is damaged: optimizer.ndlist has sha256"), e.getMessage());
    assertTrue(e.getMessage().endsWith("delete it to resume from the previous"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path dir = checkpoint();
    Files.delete(dir.resolve(Checkpoint.WEIGHTS));
    CptbenchException e = assertThrows(CptbenchException.class, () -> Checkpoint.verify(dir, "x"));
    assertTrue(e.getMessage().contains("weights.ndlist is missing"), e.getMessage());
  }

  @Test
  void aCheckpointFromBeforeChecksumsIsAccepted() throws IOException {
    Path dir = checkpoint();
    Files.delete(dir.resolve(Checkpoint.CHECKSUMS));
    assertDoesNotThrow(() -> Checkpoint.verify(dir, "x"));
  }
}
