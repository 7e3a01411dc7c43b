package org.cptbench.cluster;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.eval.Embedder;
import org.cptbench.eval.RetrievalEvaluation;
import org.cptbench.eval.Retriever;
import org.cptbench.kernel.ExactSearch;
import org.cptbench.kernel.TopK;
import org.cptbench.text.Side;
import org.cptbench.util.AtomicFiles;

/**
 * Dense retrieval over a corpus too large for one process ({@code ./harness eval --shard I/N}, then {@code eval
 * --merge-shards N}): shard {@code I} embeds only its contiguous range of the corpus ({@link Shard}) and every query,
 * searches its range exactly and writes its top-k per query, with indices local to the range, to {@code
 * ROOT/shard-I-of-N/KEY.topk}; the merge reads the N files of each search and keeps the best k of their union
 * ({@link ShardedTopK#merge}), which equals the single-process search: a document's embedding does not depend on the
 * other texts it is embedded with, its score does not depend on the other documents indexed with it, and ties are
 * broken by the same global order (trec_eval's, {@link RetrievalEvaluation#trecTieRanks}).
 *
 * <p>{@code KEY} is a digest of the search's input (document ids and texts, query ids and texts, depth and shard
 * count), so a shard file is only ever merged into the search it was computed for; a file from another corpus, query
 * set or shard count is refused by name.
 */
public final class ShardedSearch {
  private static final String MAGIC = "cptbench top-k shard v1";

  private ShardedSearch() {}

  /** The file shard {@code shard} writes for the search {@code key} under {@code root}. */
  public static Path file(Path root, Shard shard, String key) {
    return root.resolve("shard-" + shard.index() + "-of-" + shard.count()).resolve(key + ".topk");
  }

  /** The folder shard {@code shard} writes under {@code root}. */
  public static Path folder(Path root, Shard shard) {
    return root.resolve("shard-" + shard.index() + "-of-" + shard.count());
  }

  /**
   * An embedder for the shard task {@code shard}: its retriever embeds the shard's documents and all queries with
   * {@code inner}, writes the shard's top-k to {@link #file} and answers with that partial ranking (global document
   * ids), which the caller scores only to discard.
   */
  public static Embedder shardTask(Embedder inner, Shard shard, Path root) {
    return new Embedder() {
      @Override
      public float[][] embed(List<String> texts, Side side) {
        throw notSearch();
      }

      @Override
      public Retriever retriever() {
        return (docIds, docTexts, queryIds, queryTexts, depth) -> {
          int n = docIds.size();
          int from = shard.from(n);
          int to = shard.to(n);
          String key = key(shard.count(), depth, docIds, docTexts, queryIds, queryTexts);
          long t0 = System.nanoTime();
          float[][] docs = to > from ? inner.embed(docTexts.subList(from, to), Side.Y) : new float[0][];
          float[][] queries = inner.embed(queryTexts, Side.X);
          long t1 = System.nanoTime();
          TopK top = search(docs, queries, docIds, from, to, depth);
          long t2 = System.nanoTime();
          Path f = file(root, shard, key);
          write(f, key, shard, n, from, to, depth, top);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("shard", shard.index() + "/" + shard.count());
          details.put("shardDocuments", to - from);
          details.put("shardFile", f.toString());
          details.put("encodeSeconds", (t1 - t0) / 1e9);
          details.put("searchSeconds", (t2 - t1) / 1e9);
          return new Retriever.Ranking(RetrievalEvaluation.toRun(top, docIds, from, queryIds), details);
        };
      }
    };
  }

  /**
   * An embedder whose retriever reads the {@code count} shard files of each search under {@code root} and merges
   * them; it embeds nothing.
   */
  public static Embedder merge(int count, Path root) {
    return new Embedder() {
      @Override
      public float[][] embed(List<String> texts, Side side) {
        throw notSearch();
      }

      @Override
      public Retriever retriever() {
        return (docIds, docTexts, queryIds, queryTexts, depth) -> {
          long t0 = System.nanoTime();
          int n = docIds.size();
          String key = key(count, depth, docIds, docTexts, queryIds, queryTexts);
          List<TopK> parts = new ArrayList<>(count);
          int[] offsets = new int[count + 1];
          for (int i = 0; i < count; i++) {
            Shard s = new Shard(i, count);
            offsets[i] = s.from(n);
            Path f = file(root, s, key);
            if (!Files.isRegularFile(f)) {
              throw new CptbenchException("shard " + i + "/" + count + " of this search is missing: " + f
                  + " (run eval with --shard " + i + "/" + count + " and the same encoder, tasks and options;"
                  + " found for this search: " + present(root, count, key) + ")");
            }
            parts.add(read(f, key, s, n, depth, queryIds.size()));
          }
          offsets[count] = n;
          TopK merged = n == 0
              ? new TopK(new int[queryIds.size()][0], new float[queryIds.size()][0])
              : ShardedTopK.merge(parts, offsets, RetrievalEvaluation.trecTieRanks(docIds), Math.min(depth, n));
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("shards", count);
          details.put("mergeSeconds", (System.nanoTime() - t0) / 1e9);
          return new Retriever.Ranking(RetrievalEvaluation.toRun(merged, docIds, 0, queryIds), details);
        };
      }
    };
  }

  private static CptbenchException notSearch() {
    return new CptbenchException("--shard and --merge-shards apply to retrieval and open-domain QA tasks only (a"
        + " dense search over a corpus); evaluate other tasks without them");
  }

  private static String present(Path root, int count, String key) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (Files.isRegularFile(file(root, new Shard(i, count), key))) {
        found.add(Integer.toString(i));
      }
    }
    return found.isEmpty() ? "none" : "shards " + String.join(", ", found);
  }

  /** Exact search of queries over documents [from, to) of the corpus, with local indices. */
  static TopK search(float[][] docs, float[][] queries, List<String> docIds, int from, int to, int depth) {
    int m = to - from;
    if (m == 0) {
      return new TopK(new int[queries.length][0], new float[queries.length][0]);
    }
    int d = docs[0].length;
    int[] local = ShardedTopK.localTieOrder(RetrievalEvaluation.trecTieRanks(docIds), from, to);
    ExactSearch index = ExactSearch.index(RetrievalEvaluation.flatten(docs, d), m, d, local);
    return index.search(RetrievalEvaluation.flatten(queries, d), queries.length, Math.min(depth, m));
  }

  /** The digest naming one search: what it searched, how deep, in how many shards. */
  static String key(int count, int depth, List<String> docIds, List<String> docTexts, List<String> queryIds,
      List<String> queryTexts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((count + "\n" + depth + "\n").getBytes(StandardCharsets.UTF_8));
      for (List<String> list : List.of(docIds, docTexts, queryIds, queryTexts)) {
        md.update((list.size() + "\n").getBytes(StandardCharsets.UTF_8));
        for (String s : list) {
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          md.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
          md.update(b);
        }
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(Path f, String key, Shard shard, int n, int from, int to, int depth, TopK top) {
    AtomicFiles.write(f, tmp -> {
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeUTF(MAGIC);
        out.writeUTF(key);
        out.writeInt(shard.index());
        out.writeInt(shard.count());
        out.writeInt(n);
        out.writeInt(from);
        out.writeInt(to);
        out.writeInt(depth);
        out.writeInt(top.queries());
        for (int q = 0; q < top.queries(); q++) {
          int[] idx = top.indices()[q];
          out.writeInt(idx.length);
          for (int r = 0; r < idx.length; r++) {
            out.writeInt(idx[r]);
            out.writeInt(Float.floatToRawIntBits(top.scores()[q][r]));
          }
        }
      }
    });
  }

  /** Reads a shard file, checking it against the search it is merged into; a mismatch names the file. */
  static TopK read(Path f, String key, Shard shard, int n, int depth, int queries) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
      String magic;
      try {
        magic = in.readUTF();
      } catch (IOException e) {
        throw bad(f, "not a cptbench top-k shard file");
      }
      if (!magic.equals(MAGIC)) {
        throw bad(f, "not a cptbench top-k shard file (starts with '" + magic + "')");
      }
      String fileKey = in.readUTF();
      if (!fileKey.equals(key)) {
        throw bad(f, "written for search " + fileKey + ", not " + key);
      }
      int index = in.readInt();
      int count = in.readInt();
      int fn = in.readInt();
      int from = in.readInt();
      int to = in.readInt();
      int fdepth = in.readInt();
      int q = in.readInt();
      if (index != shard.index() || count != shard.count() || fn != n || from != shard.from(n)
          || to != shard.to(n) || fdepth != depth || q != queries) {
        throw bad(f, "header (shard " + index + "/" + count + ", documents [" + from + ", " + to + ") of " + fn
            + ", depth " + fdepth + ", " + q + " queries) does not match shard " + shard.index() + "/"
            + shard.count() + " of " + n + " documents, depth " + depth + ", " + queries + " queries");
      }
      int limit = Math.min(depth, to - from);
      int[][] indices = new int[q][];
      float[][] scores = new float[q][];
      for (int i = 0; i < q; i++) {
        int m = in.readInt();
        if (m < 0 || m > limit) {
          throw bad(f, "query " + i + " has " + m + " results; at most " + limit);
        }
        indices[i] = new int[m];
        scores[i] = new float[m];
        for (int r = 0; r < m; r++) {
          int idx = in.readInt();
          if (idx < 0 || idx >= to - from) {
            throw bad(f, "query " + i + " rank " + r + ": document " + idx + " outside the shard's " + (to - from));
          }
          indices[i][r] = idx;
          scores[i][r] = Float.intBitsToFloat(in.readInt());
        }
      }
      if (in.read() != -1) {
        throw bad(f, "trailing bytes after " + q + " queries");
      }
      return new TopK(indices, scores);
    } catch (EOFException e) {
      throw bad(f, "truncated");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  private static CptbenchException bad(Path f, String why) {
    return new CptbenchException(f + ": " + why);
  }
}
