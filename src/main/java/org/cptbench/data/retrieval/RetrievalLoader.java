package org.cptbench.data.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;

/**
 * Loads a retrieval folder in BEIR ({@link BeirFormat}) or MS MARCO ({@link MsMarcoFormat}) layout, and open-domain
 * QA folders or files ({@link #loadQa}).
 */
public final class RetrievalLoader {
  /** What {@link #load} recognises, for error messages. */
  public static final String SUPPORTED =
      "BEIR (corpus.jsonl + queries.jsonl + qrels/<split>.tsv), "
          + "MS MARCO (collection.tsv + queries.<split>.tsv|topics.*.txt + qrels.<split>.tsv|txt)";

  /** What {@link #loadQa} recognises, for error messages. */
  public static final String SUPPORTED_QA =
      "open-domain QA questions (JSONL {\"question\",\"answer\"}, DPR CSV 'question TAB [answers]', DPR JSON array), "
          + "optionally with DPR passages psgs_w100.tsv";

  private RetrievalLoader() {}

  /** Whether {@code folder} holds a BEIR or MS MARCO retrieval layout. */
  public static boolean recognises(Path folder) {
    List<String> names = fileNames(folder);
    return BeirFormat.matches(names) || MsMarcoFormat.matches(names);
  }

  /**
   * Loads queries, judgments and corpus. {@code split}: the qrels split for BEIR (null = {@code test}); for MS MARCO
   * the query/qrels file selector (null = the only pair present). An empty corpus or no judged query is an error
   * naming the folder; inconsistencies between the files are counted in the task's report.
   */
  public static RetrievalTask load(Path folder, String split, CorpusSampling sampling) {
    List<String> names = fileNames(folder);
    if (BeirFormat.matches(names)) {
      return BeirFormat.load(folder, split, sampling);
    }
    if (MsMarcoFormat.matches(names)) {
      return MsMarcoFormat.load(folder, names, split, sampling);
    }
    throw new CptbenchException(
        "no retrieval data in " + folder + " (files: " + names + ")" + hint(folder) + "; supported: " + SUPPORTED);
  }

  /** A remark about a folder no retrieval layout matched (e.g. MS MARCO queries without passages), or "". */
  public static String hint(Path folder) {
    return MsMarcoFormat.hasTopicsAndQrels(fileNames(folder))
        ? "; it has MS MARCO-style queries and qrels but no passage collection collection.tsv"
        : "";
  }

  /** Loads questions (and passages when the folder has {@code psgs*.tsv}); see {@link QaLoader}. */
  public static QaTask loadQa(Path folderOrFile, String split, CorpusSampling sampling) {
    return QaLoader.load(folderOrFile, split, sampling);
  }

  static List<String> fileNames(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CptbenchException("data folder not found: " + folder);
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new CptbenchException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
