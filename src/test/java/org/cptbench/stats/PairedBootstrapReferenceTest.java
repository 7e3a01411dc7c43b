package org.cptbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.cptbench.util.Json;
import org.junit.jupiter.api.Test;

/**
 * Against scipy: {@code src/test/python/bootstrap_reference.py} ran {@code scipy.stats.bootstrap(paired=True,
 * method="percentile")} with 100,000 resamples on fixed vectors (a mean of per-query scores; a difference of two
 * Spearman correlations recomputed per resample) and committed its output as {@code bootstrap-reference.json}. The
 * Java bootstrap draws another random stream, so the two agree within Monte-Carlo error. Tolerances: the standard
 * error of a 2.5 % / 97.5 % quantile estimated from R resamples is about 2.7 sigma / sqrt(R) (normal approximation,
 * sigma = the bootstrap standard error), so the difference of two independent estimates with R = 100,000 has SE
 * 0.012 sigma; we allow 0.06 sigma (5 SE). For the p-value (twice a tail probability t) the SE of the difference is
 * 2 sqrt(2 t (1 - t) / R); we allow 5 of those. Observed effects are deterministic and must match to 1e-9.
 */
class PairedBootstrapReferenceTest {
  static final int R = 100_000;

  static JsonNode fixture() throws IOException {
    try (InputStream in = PairedBootstrapReferenceTest.class.getResourceAsStream("bootstrap-reference.json")) {
      return Json.MAPPER.readTree(in);
    }
  }

  static double[] vector(JsonNode n) {
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.get(i).asDouble();
    }
    return v;
  }

  static void assertMatches(JsonNode ref, Comparison c) {
    double sigma = ref.get("standardError").asDouble();
    assertEquals(ref.get("effect").asDouble(), c.effect(), 1e-9, "effect");
    assertEquals(sigma, c.standardError(), 0.02 * sigma, "standard error");
    assertEquals(ref.get("ciLow").asDouble(), c.ciLow(), 0.06 * sigma, "ci low");
    assertEquals(ref.get("ciHigh").asDouble(), c.ciHigh(), 0.06 * sigma, "ci high");
    double p = ref.get("pValue").asDouble();
    double t = p / 2;
    assertEquals(p, c.pValue(), 5 * 2 * Math.sqrt(2 * t * (1 - t) / R) + 1e-4, "p-value");
  }

  @Test
  void meanOfPerQueryScoresMatchesScipy() throws IOException {
    JsonNode ref = fixture().get("mean");
    Comparison c = new PairedBootstrap(R, 5, 0.95).compare(
        TaskSample.paired("mean", new MeanScore(vector(ref.get("a"))), new MeanScore(vector(ref.get("b")))));
    assertMatches(ref, c);
  }

  @Test
  void spearmanDifferenceMatchesScipy() throws IOException {
    JsonNode ref = fixture().get("spearman");
    double[] gold = vector(ref.get("gold"));
    SpearmanStatistic a = new SpearmanStatistic(vector(ref.get("a")), gold);
    SpearmanStatistic b = new SpearmanStatistic(vector(ref.get("b")), gold);
    assertEquals(ref.get("spearmanA").asDouble(), a.observed(), 1e-9);
    assertEquals(ref.get("spearmanB").asDouble(), b.observed(), 1e-9);
    Comparison c = new PairedBootstrap(R, 6, 0.95).compare(TaskSample.paired("sts", a, b));
    assertMatches(ref, c);
  }
}
