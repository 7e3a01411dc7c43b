package org.cptbench.data.retrieval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.cptbench.data.LoadReport;

/**
 * Open-domain QA data: a question file ({@link QaQuestionsReader}) and, when present next to it, DPR's passage file
 * {@code psgs_w100.tsv} (any {@code psgs*.tsv}; {@link DprPassages}). A folder with several question files needs a
 * split that selects one (a full file name or a dotted part of it such as {@code nq.test}).
 */
public final class QaLoader {
  private QaLoader() {}

  /** The question files among {@code names} in {@code folder}. */
  static List<String> questionFiles(Path folder, List<String> names) {
    return names.stream()
        .filter(QaLoader::candidateName)
        .filter(n -> QaQuestionsReader.looksLikeQuestions(folder.resolve(n)))
        .toList();
  }

  private static boolean candidateName(String n) {
    String l = n.toLowerCase(Locale.ROOT);
    boolean ext = l.matches(".*\\.(jsonl|json|csv|tsv|txt)");
    return ext
        && !l.startsWith("psgs")
        && !l.startsWith("qrels")
        && !l.startsWith("readme")
        && !l.startsWith("license")
        && !l.startsWith("source")
        && !l.equals("collection.tsv")
        && !l.equals("corpus.jsonl");
  }

  /** Whether {@code file} is a QA question file in one of the supported layouts. */
  public static boolean isQuestionFile(Path file) {
    return Files.isRegularFile(file) && QaQuestionsReader.looksLikeQuestions(file);
  }

  /** Whether {@code folder} holds at least one question file. */
  public static boolean recognises(Path folder) {
    return !questionFiles(folder, RetrievalLoader.fileNames(folder)).isEmpty();
  }

  /**
   * Loads a QA task from a question file, or from a folder (the question file chosen by {@code split}; null when
   * there is only one). Passages are loaded when the folder has {@code psgs*.tsv}, sub-sampled per {@code sampling}
   * (with no judgments, a sample keeps only random passages).
   */
  public static QaTask load(Path folderOrFile, String split, CorpusSampling sampling) {
    Path folder;
    String file;
    if (Files.isRegularFile(folderOrFile)) {
      folder = folderOrFile.toAbsolutePath().getParent();
      file = folderOrFile.getFileName().toString();
    } else {
      folder = folderOrFile;
      List<String> names = RetrievalLoader.fileNames(folder);
      List<String> questions = questionFiles(folder, names);
      if (questions.isEmpty()) {
        throw new CptbenchException(
            "no QA question file in " + folder + " (files: " + names + "); supported: " + RetrievalLoader.SUPPORTED_QA);
      }
      file = SplitFiles.select(folder, questions, split, "question");
    }
    LoadReport.Builder report = new LoadReport.Builder();
    List<QaQuestion> questions = QaQuestionsReader.read(folder.resolve(file));
    if (questions.isEmpty()) {
      throw new CptbenchException("no questions in " + folder.resolve(file));
    }
    long noAnswer = questions.stream().filter(q -> q.answers().isEmpty()).count();
    report.count("questions.withoutAnswers", noAnswer);
    if (noAnswer > 0) {
      report.warn(noAnswer + " question(s) in " + file + " have an empty answer list");
    }
    List<String> passages =
        RetrievalLoader.fileNames(folder).stream().filter(n -> n.startsWith("psgs") && n.endsWith(".tsv")).toList();
    RetrievalCorpus corpus = null;
    if (passages.size() > 1) {
      throw new CptbenchException("several passage files in " + folder + ": " + passages + "; keep one");
    } else if (passages.size() == 1) {
      corpus = DprPassages.read(folder.resolve(passages.getFirst()), sampling, Set.of());
      if (corpus.size() == 0) {
        throw new CptbenchException("empty corpus in " + folder.resolve(passages.getFirst()));
      }
    } else {
      report.warn("no passage collection (psgs_w100.tsv) in " + folder + ": questions and answers only");
    }
    return new QaTask(folder.getFileName().toString(), file, corpus, questions, report.build());
  }
}
