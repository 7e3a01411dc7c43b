package org.cptbench.cluster;

import java.nio.file.Path;
import org.cptbench.CptbenchException;

/**
 * Shard {@code index} of {@code count} of an ordered input of {@code n} items: the contiguous range {@code
 * [n*index/count, n*(index+1)/count)}, so that the shards in index order are the input in order, and their outputs
 * concatenated are the output of the whole input.
 */
public record Shard(int index, int count) {

  public Shard {
    if (count < 1 || count > 100_000) {
      throw new CptbenchException("--shard: the shard count " + count + " must be in 1..100000");
    }
    if (index < 0 || index >= count) {
      throw new CptbenchException("--shard: index " + index + " must be in 0.." + (count - 1) + " (0-based)");
    }
  }

  /** Parses {@code I/N} (0-based I, as Slurm's array task ids are). */
  public static Shard parse(String text) {
    String t = text.strip();
    if (!t.matches("\\d{1,9}/\\d{1,9}")) {
      throw new CptbenchException("--shard: '" + text + "' is not I/N (e.g. 0/4: the first of four shards)");
    }
    int slash = t.indexOf('/');
    return new Shard(Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
  }

  /** First item of this shard of {@code n} items. */
  public int from(int n) {
    return (int) ((long) n * index / count);
  }

  /** One past the last item of this shard of {@code n} items. */
  public int to(int n) {
    return (int) ((long) n * (index + 1) / count);
  }

  /** {@code emb.npy} becomes {@code emb.shard-0-of-4.npy} (the extension, if any, stays last). */
  public Path file(Path output) {
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String tag = ".shard-" + index + "-of-" + count;
    return output.resolveSibling(dot > 0 ? name.substring(0, dot) + tag + name.substring(dot) : name + tag);
  }
}
