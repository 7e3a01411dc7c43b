package org.cptbench.eval.metric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;

/**
 * Parses metric ids (case-insensitive) into metric objects:
 *
 * <ul>
 *   <li>{@code MRR@k} -> {@link ReciprocalRank}, {@code R@k} -> {@link Recall}, {@code Success@k} ->
 *       {@link Success}: use the given relevance level (grade >= level is relevant);
 *   <li>{@code nDCG@k} -> {@link Ndcg} (graded, no relevance level, as trec_eval);
 *   <li>{@code AnswerAcc@k} -> {@link AnswerAccuracy} in DPR string-match mode;
 *   <li>{@code accuracy}, {@code spearman}, {@code pearson}.
 * </ul>
 *
 * k is a positive integer. Anything else raises a {@link CptbenchException} that lists the allowed forms.
 */
public final class MetricId {
  private MetricId() {}

  /** The accepted forms, for error messages and help texts. */
  public static final String ALLOWED =
      "MRR@k, R@k, nDCG@k, Success@k, AnswerAcc@k (k a positive integer), accuracy, spearman, pearson";

  private static final Pattern CUT = Pattern.compile("([A-Za-z]+)@([0-9]+)");

  /** Parses {@code id} with relevance level 1. */
  public static Metric parse(String id) {
    return parse(id, 1);
  }

  /** Parses {@code id}; ranking metrics other than nDCG use {@code relevanceLevel}. */
  public static Metric parse(String id, int relevanceLevel) {
    if (id == null || id.isBlank()) {
      throw new CptbenchException("empty metric id; allowed: " + ALLOWED);
    }
    String s = id.strip();
    switch (s.toLowerCase(Locale.ROOT)) {
      case "accuracy":
        return new Accuracy();
      case "spearman":
        return new Spearman();
      case "pearson":
        return new Pearson();
      default:
        break;
    }
    Matcher m = CUT.matcher(s);
    if (!m.matches()) {
      throw new CptbenchException("unknown metric '" + id + "'; allowed: " + ALLOWED);
    }
    int k;
    try {
      k = Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      throw new CptbenchException("metric '" + id + "': cutoff " + m.group(2) + " is too large; allowed: " + ALLOWED);
    }
    if (k < 1) {
      throw new CptbenchException("metric '" + id + "': cutoff must be a positive integer; allowed: " + ALLOWED);
    }
    return switch (m.group(1).toLowerCase(Locale.ROOT)) {
      case "mrr" -> new ReciprocalRank(k, relevanceLevel);
      case "r" -> new Recall(k, relevanceLevel);
      case "ndcg" -> new Ndcg(k);
      case "success" -> new Success(k, relevanceLevel);
      case "answeracc" -> new AnswerAccuracy(k);
      default -> throw new CptbenchException("unknown metric '" + id + "'; allowed: " + ALLOWED);
    };
  }

  /** Parses a comma-separated list, e.g. {@code MRR@10,R@100}; rejects empty entries and repeats. */
  public static List<Metric> parseList(String commaSeparated, int relevanceLevel) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      throw new CptbenchException("no metrics given; allowed: " + ALLOWED);
    }
    return parseAll(List.of(commaSeparated.split(",", -1)), relevanceLevel);
  }

  /** Parses each id; rejects empty entries and the same metric twice. */
  public static List<Metric> parseAll(List<String> ids, int relevanceLevel) {
    List<Metric> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String id : ids) {
      Metric metric = parse(id, relevanceLevel);
      if (!seen.add(metric.id())) {
        throw new CptbenchException("metric " + metric.id() + " is listed twice");
      }
      out.add(metric);
    }
    return out;
  }
}
