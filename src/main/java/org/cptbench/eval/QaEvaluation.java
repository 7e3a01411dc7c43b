package org.cptbench.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.retrieval.QaQuestion;
import org.cptbench.data.retrieval.QaTask;
import org.cptbench.eval.metric.AnswerAccuracy;
import org.cptbench.eval.metric.AnswerMatcher;
import org.cptbench.eval.metric.PerQueryScores;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.text.Side;

/**
 * Open-domain QA retrieval (NQ, TriviaQA, WebQ, CuratedTREC) as DPR evaluates it: questions on the x side,
 * passages ("title text") on the y side, exact top-k, and {@code AnswerAcc@k} for k in {1, 5, 20, 100}: a question
 * counts when one of its top-k passages contains an answer by DPR's {@code has_answer} (normalised, lower-cased
 * token-sequence match; regular-expression match for CuratedTREC). Answers are looked for in the passage text only,
 * not in its title ({@link org.cptbench.data.retrieval.RetrievalCorpus#body}), as DPR's {@code qa_validation.py}
 * ({@code text = doc[0]}) and pyserini's {@code evaluate_dpr_retrieval.py} do.
 */
public final class QaEvaluation {
  public static final int[] KS = {1, 5, 20, 100};

  /** Appended to each metric's definition: what the answers are matched against. */
  static final String MATCHED_TEXT =
      "; answers matched in the passage text only, not its title (DPR qa_validation.py, pyserini)";

  private QaEvaluation() {}

  public static TaskResult run(QaTask task, Embedder embedder) {
    if (!task.hasCorpus()) {
      throw new CptbenchException(
          task.name() + ": no passage collection (psgs_w100.tsv) beside the questions; "
              + "download DPR's Wikipedia split or point the task at a folder that holds both");
    }
    AnswerMatcher.Mode mode =
        task.questionsFile().toLowerCase(Locale.ROOT).contains("curated")
            ? AnswerMatcher.Mode.REGEX
            : AnswerMatcher.Mode.STRING;
    List<String> qids = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    Map<String, List<String>> answers = new LinkedHashMap<>();
    int i = 0;
    for (QaQuestion q : task.questions()) {
      String id = String.format(Locale.ROOT, "q%06d", i++);
      qids.add(id);
      questions.add(q.question());
      answers.put(id, q.answers());
    }
    List<String> passageTexts = task.corpus().texts();
    Retriever.Ranking ranking =
        embedder.retriever().search(task.corpus().ids(), passageTexts, qids, questions, KS[KS.length - 1]);
    Map<String, List<TrecRun.Entry>> run = ranking.run();
    Map<String, List<String>> rankedTexts = new LinkedHashMap<>();
    run.forEach((q, entries) -> rankedTexts.put(q,
        entries.stream().map(e -> task.corpus().body(e.docId())).toList()));
    TaskResult.Builder b = TaskResult.builder(task.name(), "qa");
    for (int k : KS) {
      AnswerAccuracy m = new AnswerAccuracy(k, mode);
      PerQueryScores s = m.evaluate(answers, rankedTexts);
      b.metric(m.id(), s.mean(), m.definition() + MATCHED_TEXT).perQuery(s);
    }
    b.run(run)
        .detail("questions", questions.size())
        .detail("passages", passageTexts.size())
        .detail("matching", mode.name().toLowerCase(Locale.ROOT))
        .detail("warnings", task.report().warnings());
    ranking.details().forEach(b::detail);
    return b.build();
  }
}
