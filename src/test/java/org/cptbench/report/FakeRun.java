package org.cptbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A small suite run folder with known numbers: 2 temperatures x 2 batch sizes x 2 seeds x 3 checkpoints (100, 200,
 * 300) over a probe task (MR), an sts task (STSB) and a retrieval task (scifact).
 *
 * <p>Final-step (300) values per configuration, seeds 1 and 2:
 *
 * <pre>
 *                        MR accuracy    STSB spearman  scifact nDCG@10
 *   learned(0.07) bs=32  0.70  0.72     0.80  0.80     0.50  0.52
 *   learned(0.07) bs=64  0.74  0.76     0.80  0.86     0.60  0.62
 *   fixed(0.05)   bs=32  0.60  0.60     0.85  0.83     0.40  0.40
 *   fixed(0.05)   bs=64  0.735 0.745    0.81  0.81     0.55  0.57
 * </pre>
 *
 * Earlier steps: MR and scifact are 0.10 (step 100) and 0.05 (step 200) lower, STSB 0.08 and 0.04 lower. STSB pearson
 * is spearman - 0.01; scifact MRR@10 is nDCG@10 + 0.05 and R@100 is 0.90 (seed 1) or 0.94 (seed 2).
 */
final class FakeRun {
  static final String LEARNED = "learned(0.07)";
  static final String FIXED = "fixed(0.05)";
  static final int[] STEPS = {100, 200, 300};

  /** temperature, batch size, then per seed (1, 2): MR, STSB, scifact at step 300. */
  static final Object[][] FINAL = {
    {LEARNED, 32, new double[] {0.70, 0.80, 0.50}, new double[] {0.72, 0.80, 0.52}},
    {LEARNED, 64, new double[] {0.74, 0.80, 0.60}, new double[] {0.76, 0.86, 0.62}},
    {FIXED, 32, new double[] {0.60, 0.85, 0.40}, new double[] {0.60, 0.83, 0.40}},
    {FIXED, 64, new double[] {0.735, 0.81, 0.55}, new double[] {0.745, 0.81, 0.57}},
  };

  static final String ACC_DEF = "fraction of test sentences classified correctly, 10-fold nested CV";
  static final String NDCG_DEF =
      "nDCG@10 as trec_eval \"ndcg_cut.10\", see https://github.com/usnistgov/trec_eval";

  private FakeRun() {}

  static Config config(String temperature, int batchSize) {
    java.util.SequencedMap<String, String> m = new java.util.LinkedHashMap<>();
    m.put("encoder", "tiny");
    m.put("attention", "causal");
    m.put("pooling", "eos");
    m.put("temperature", temperature);
    m.put("batchSize", Integer.toString(batchSize));
    m.put("steps", "300");
    return new Config(m);
  }

  static String cellId(int configIndex, int seed) {
    return String.format(Locale.ROOT, "c%d%ds", configIndex, seed);
  }

  /** Writes the run folder (run.json, results.csv, cells/*, verdicts.csv, failures.csv) into {@code dir}. */
  static Path write(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("run.json"),
        """
        {"suite": "fake-grid", "runId": "r-123", "seed": 7, "start": "2025-01-01T00:00:00Z",
         "end": "2025-01-01T01:00:00Z", "gitCommit": "abc1234", "gitDirty": false, "jdk": "25",
         "os": "Linux", "cpu": "test cpu", "threads": 2, "notes": {"extra": [1, 2]},
         "dataDir": %s, "config": "name: fake-grid\\nseed: 7\\n",
         "cells": [{"cell": "c01s", "batchSize": 32}, {"cell": "c02s", "batchSize": 64}]}
        """.formatted(org.cptbench.util.Json.compact(dir.resolve("data").toAbsolutePath().toString())));
    // the parameter columns of a run made before precision and init were parameters (still read)
    StringBuilder csv = new StringBuilder(String.join(",", Results.header(java.util.List.of(
        "encoder", "attention", "pooling", "temperature", "batchSize", "steps", "seed")))).append('\n');
    for (int i = 0; i < FINAL.length; i++) {
      String temperature = (String) FINAL[i][0];
      int bs = (Integer) FINAL[i][1];
      for (int seed = 1; seed <= 2; seed++) {
        double[] v = (double[]) FINAL[i][1 + seed];
        String cell = cellId(i, seed);
        String prefix = cell + ",tiny,causal,eos," + temperature + "," + bs + ",300," + seed + ",";
        for (int s = 0; s < STEPS.length; s++) {
          int step = STEPS[s];
          double lag = (2 - s) * 0.05;
          double stsLag = (2 - s) * 0.04;
          String p = prefix + step + ",";
          row(csv, p + "MR,probe,accuracy", v[0] - lag, "\"" + ACC_DEF + "\"");
          row(csv, p + "STSB,sts,spearman", v[1] - stsLag, "Spearman rho of cosine similarities");
          row(csv, p + "STSB,sts,pearson", v[1] - stsLag - 0.01, "Pearson r");
          row(csv, p + "scifact,retrieval,nDCG@10", v[2] - lag, "\"" + NDCG_DEF.replace("\"", "\"\"") + "\"");
          row(csv, p + "scifact,retrieval,MRR@10", v[2] - lag + 0.05, "\"reciprocal rank of the first relevant, cut at 10\"");
          row(csv, p + "scifact,retrieval,R@100", seed == 1 ? 0.90 : 0.94, "recall at 100");
        }
        writeCell(dir, cell, temperature, bs, seed);
      }
    }
    Files.writeString(dir.resolve("results.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("verdicts.csv"),
        "cell,task,metric,value,min,max,verdict\n"
            + "c01s,MR,accuracy,0.70,0.65,0.75,OK\n"
            + "c11s,scifact,nDCG@10,0.60,0.70,0.80,FAIL\n"
            + "c21s,STSB,spearman,0.85,,,NEW\n");
    Files.writeString(
        dir.resolve("failures.csv"), "cell,error\nzz9,\"out of memory, batch 4096\nat step 12\"\n");
    return dir;
  }

  private static void row(StringBuilder csv, String prefix, double value, String definition) {
    csv.append(prefix).append(',').append(String.format(Locale.ROOT, "%.4f", value)).append(',').append(definition)
        .append('\n');
  }

  private static void writeCell(Path dir, String cell, String temperature, int bs, int seed) throws IOException {
    Path cellDir = Files.createDirectories(dir.resolve("cells").resolve(cell));
    Files.writeString(
        cellDir.resolve("cell.json"),
        String.format(
            Locale.ROOT,
            "{\"cell\":\"%s\",\"encoder\":\"tiny\",\"attention\":\"causal\",\"pooling\":\"eos\","
                + "\"temperature\":\"%s\",\"batchSize\":%d,\"steps\":300,\"seed\":%d}\n",
            cell, temperature, bs, seed));
    StringBuilder log = new StringBuilder("step,loss,tau,exp_tau,lr,pairs_per_s,inbatch_acc,grad_norm\n");
    boolean learned = temperature.startsWith("learned");
    for (int step = 0; step <= 300; step += 50) {
      double tau = learned ? Math.log(1 / 0.07) + step / 1000.0 : Math.log(1 / 0.05);
      log.append(
          String.format(
              Locale.ROOT,
              "%d,%.6f,%.6f,%.4f,%.6g,%.1f,%.4f,%.4f%n",
              step,
              4.0 - step / 100.0 + seed * 0.01,
              tau,
              Math.exp(tau),
              1e-4,
              1000.0,
              Math.min(1, step / 400.0),
              1.0));
    }
    Files.writeString(cellDir.resolve("train-log.csv"), log.toString());
  }

  /** The config list in table order (sorted): fixed 32, fixed 64, learned 32, learned 64. */
  static List<Config> sortedConfigs() {
    return List.of(config(FIXED, 32), config(FIXED, 64), config(LEARNED, 32), config(LEARNED, 64));
  }
}
