package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cptbench.model.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code embed --shard I/N} then {@code embed --merge-shards N}: the merged embeddings equal the single-process ones
 * byte for byte (npy and tsv), and a missing or foreign shard is an error naming the file.
 */
class EmbedShardsTest {
  @TempDir Path dir;

  private int embed(StringWriter err, String... args) {
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String[] args(Path input, Path out, String... extra) {
    String[] base = {"embed", "--encoder", "minilm-l6", "--input", input.toString(), "--output", out.toString(),
      "--format", "both", "--no-cache"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void mergedShardsEqualTheSingleProcessEmbedding() throws IOException {
    StringBuilder text = new StringBuilder();
    String[] words = {"river", "bank", "money", "guitar", "play", "stock", "fell", "quickly", "the", "a"};
    for (int i = 0; i < 23; i++) {
      for (int w = 0; w <= i % 9; w++) {
        text.append(words[(i * 7 + w * 3) % words.length]).append(' ');
      }
      text.append("line ").append(i).append('\n');
    }
    Path input = dir.resolve("texts.txt");
    Files.writeString(input, text.toString());
    StringWriter err = new StringWriter();
    assertEquals(0, embed(err, args(input, dir.resolve("whole.npy"))), err.toString());
    for (int i = 0; i < 4; i++) {
      assertEquals(0, embed(err, args(input, dir.resolve("sharded.npy"), "--shard", i + "/4")), err.toString());
    }
    assertEquals(6, Npy.read(dir.resolve("sharded.shard-1-of-4.npy")).length, "texts 5..10 of 23");
    assertEquals(0, embed(err, args(input, dir.resolve("sharded.npy"), "--merge-shards", "4")), err.toString());
    assertTrue(err.toString().contains("merged 4 shards of 23 texts"), err.toString());
    assertEquals(-1, Files.mismatch(dir.resolve("whole.npy"), dir.resolve("sharded.npy")), "npy bytes");
    assertEquals(-1, Files.mismatch(dir.resolve("whole.tsv"), dir.resolve("sharded.tsv")), "tsv bytes");

    // a missing shard, and a shard of another input, are errors naming the file
    Files.delete(dir.resolve("sharded.shard-2-of-4.tsv"));
    StringWriter e1 = new StringWriter();
    assertEquals(2, embed(e1, args(input, dir.resolve("sharded.npy"), "--merge-shards", "4")));
    assertTrue(e1.toString().contains("shard 2/4 is missing: " + dir.resolve("sharded.shard-2-of-4.tsv")),
        e1.toString());
    Files.writeString(input, text + "one more line\n");
    StringWriter e2 = new StringWriter();
    assertEquals(2, embed(e2, args(input, dir.resolve("sharded.npy"), "--merge-shards", "4")));
    assertTrue(e2.toString().contains("sharded.shard-0-of-4.npy: 5 rows, but shard 0/4 of 24 texts has 6"),
        e2.toString());
  }
}
