package org.cptbench.data.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts on the shared STS files (skipped without the shared data); expected values from the STS SOURCE.md. */
class StsRealDataTest {

  @Test
  void semEvalScoredPairCounts() {
    Map<String, Integer> expected =
        Map.of("STS12", 3108, "STS13", 1500, "STS14", 3750, "STS15", 3000, "STS16", 1186);
    expected.forEach(
        (set, n) -> assertEquals(n, StsLoader.load(TestData.require("sts/" + set), "test").size(), set));
  }

  @Test
  void semEvalSubsetsInSentEvalOrder() {
    StsData d = StsLoader.load(TestData.require("sts/STS14"), "test");
    assertEquals(
        List.of("deft-forum", "deft-news", "headlines", "images", "OnWN", "tweet-news"),
        List.copyOf(d.subsets().keySet()));
    StsData d16 = StsLoader.load(TestData.require("sts/STS16"), "test");
    assertEquals(
        List.of("answer-answer", "headlines", "plagiarism", "postediting", "question-question"),
        List.copyOf(d16.subsets().keySet()));
    assertEquals(254, d16.subsets().get("answer-answer").size());
    assertEquals(1318, d16.report().count("answer-answer.unscored"));
    StsData d12 = StsLoader.load(TestData.require("sts/STS12"), "test");
    assertEquals(459, d12.subsets().get("SMTeuroparl").size());
    assertEquals(4.4, d12.subsets().get("MSRpar").getFirst().score());
  }

  @Test
  void stsBenchmark() {
    assertEquals(5749, StsLoader.load(TestData.require("sts/STSBenchmark"), "train").size());
    assertEquals(1500, StsLoader.load(TestData.require("sts/STSBenchmark"), "dev").size());
    StsData test = StsLoader.load(TestData.require("sts/STSBenchmark"), "test");
    assertEquals(1379, test.size());
    // bare double quotes stay inside the sentences
    assertTrue(test.allPairs().stream().anyMatch(p -> p.s1().contains("\"") || p.s2().contains("\"")));
  }

  @Test
  void sickSplitFilesAndFullRelease(@TempDir Path tmp) throws IOException {
    var folder = TestData.require("sts/SICK");
    assertEquals(4500, StsLoader.load(folder, "train").size());
    assertEquals(500, StsLoader.load(folder, "dev").size());
    assertEquals(500, StsLoader.load(folder, "trial").size());
    StsData test = StsLoader.load(folder, "test");
    assertEquals(4927, test.size());
    StsData all = StsLoader.load(folder, "all");
    assertEquals(9840, all.size());
    // MTEB's SICK-R (mteb/sickr-sts "test"): the three SemEval-2014 files, 4500 + 500 + 4927
    assertEquals(9927, StsLoader.load(folder, StsLoader.MTEB).size());
    // SICK.txt alone (copied into a temp folder): its TEST rows are a subset of SICK_test_annotated.txt
    Path only = tmp.resolve("SICK");
    Files.createDirectories(only);
    Files.copy(folder.resolve("SICK.txt"), only.resolve("SICK.txt"));
    StsData fullTest = StsLoader.load(only, "test");
    assertEquals(4906, fullTest.size());
    assertEquals(1, fullTest.report().warnings().size());
    Map<String, Double> testScores = new HashMap<>();
    test.allPairs().forEach(p -> testScores.put(p.s1() + "\t" + p.s2(), p.score()));
    for (ScoredPair p : fullTest.allPairs()) {
      assertEquals(testScores.get(p.s1() + "\t" + p.s2()), p.score(), p.toString());
    }
    assertEquals(4439, StsLoader.load(only, "train").size());
    assertEquals(495, StsLoader.load(only, "dev").size());
  }
}
