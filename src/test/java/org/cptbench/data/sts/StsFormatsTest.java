package org.cptbench.data.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STS layouts on small files written in the exact formats. */
class StsFormatsTest {
  @TempDir Path tmp;

  private Path folder(String name) throws IOException {
    return Files.createDirectories(tmp.resolve(name));
  }

  private static void write(Path f, String s) throws IOException {
    Files.writeString(f, s, StandardCharsets.UTF_8);
  }

  @Test
  void semEvalBlankAndMissingGoldLinesAreSkippedKeepingAlignment() throws IOException {
    Path d = folder("STS15");
    write(d.resolve("STS.input.images.txt"), "a\tb\nc\td\ne\tf\ng\th\n");
    // line 2 blank = unscored; line 4 absent = unscored
    write(d.resolve("STS.gs.images.txt"), "4.2\n\n0.000\n");
    write(d.resolve("STS.input.belief.txt"), "x \"q\ty\n");
    write(d.resolve("STS.gs.belief.txt"), "5\n");
    write(d.resolve("STS.gs.SMT.txt"), "1\n"); // gold without input: ignored with a warning
    StsData data = StsLoader.load(d, "test");
    assertEquals(List.of("belief", "images"), List.copyOf(data.subsets().keySet()));
    assertEquals(List.of(new ScoredPair("a", "b", 4.2), new ScoredPair("e", "f", 0.0)), data.subsets().get("images"));
    assertEquals(List.of(new ScoredPair("x \"q", "y", 5.0)), data.subsets().get("belief"));
    assertEquals(2, data.report().count("images.unscored"));
    assertEquals(1, data.report().warnings().size());
    assertEquals(3, data.size());
  }

  @Test
  void sts2016PrefixAndSourceColumns() throws IOException {
    Path d = folder("STS16");
    write(d.resolve("STS2016.input.headlines.txt"), "s1\ts2\tsource A\tsource B\n");
    write(d.resolve("STS2016.gs.headlines.txt"), "3\n");
    assertEquals(List.of(new ScoredPair("s1", "s2", 3)), StsLoader.load(d, "test").subsets().get("headlines"));
    assertThrows(CptbenchException.class, () -> StsLoader.load(d, "train"));
  }

  @Test
  void semEvalBadGoldAndMisalignment() throws IOException {
    Path d = folder("STS12");
    write(d.resolve("STS.input.MSRpar.txt"), "a\tb\nc\td\n");
    write(d.resolve("STS.gs.MSRpar.txt"), "1\nfive\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> StsLoader.load(d, "test"));
    assertEquals(d.resolve("STS.gs.MSRpar.txt"), e.file());
    assertEquals(2, e.line());
    write(d.resolve("STS.gs.MSRpar.txt"), "1\n2\n3\n");
    e = assertThrows(MalformedInputException.class, () -> StsLoader.load(d, "test"));
    assertEquals(3, e.line());
    write(d.resolve("STS.gs.MSRpar.txt"), "1\n7.5\n");
    e = assertThrows(MalformedInputException.class, () -> StsLoader.load(d, "test"));
    assertTrue(e.getMessage().contains("[0, 5]"), e.getMessage());
    write(d.resolve("STS.gs.MSRpar.txt"), "1\n2\n");
    write(d.resolve("STS.input.MSRpar.txt"), "a\tb\nno tab here\n");
    e = assertThrows(MalformedInputException.class, () -> StsLoader.load(d, "test"));
    assertEquals(d.resolve("STS.input.MSRpar.txt"), e.file());
    assertEquals(2, e.line());
  }

  @Test
  void stsBenchmarkBareQuotesAndExtraColumns() throws IOException {
    Path d = folder("STSBenchmark");
    write(
        d.resolve("sts-test.csv"),
        "main-captions\tMSRvid\t2012test\t0024\t2.500\tA girl is \"styling\" her hair.\tA girl is brushing her hair.\n"
            + "main-news\theadlines\t2016\t0012\t4\tDriver backs\tDriver backs into mom\tEMM\tEMM\n");
    write(d.resolve("sts-train.csv"), "g\tf\ty\t1\t5.000\ta\tb\n");
    StsData data = StsLoader.load(d, "test");
    assertEquals(
        List.of(
            new ScoredPair("A girl is \"styling\" her hair.", "A girl is brushing her hair.", 2.5),
            new ScoredPair("Driver backs", "Driver backs into mom", 4)),
        data.allPairs());
    CptbenchException e = assertThrows(CptbenchException.class, () -> StsLoader.load(d, "dev"));
    assertTrue(e.getMessage().contains("[train, test]"), e.getMessage());
  }

  @Test
  void stsBenchmarkShortLine() throws IOException {
    Path d = folder("STSBenchmark");
    write(d.resolve("sts-dev.csv"), "g\tf\ty\t1\t5.000\tonly one\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> StsLoader.load(d, "dev"));
    assertEquals(1, e.line());
  }

  @Test
  void sickSplitFilesWithBomAndFullReleaseWithCrlf() throws IOException {
    Path d = folder("SICK");
    write(d.resolve("SICK_train.txt"), "\uFEFF1\tA kid plays\tA boy plays\t4.5\tNEUTRAL\n");
    write(
        d.resolve("SICK_test_annotated.txt"),
        "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n6\tNo boy\tKids\t3.3\tNEUTRAL\n");
    write(d.resolve("SICK_trial.txt"), "4\tx\ty\t3.6\tCONTRADICTION\n");
    assertEquals(List.of(new ScoredPair("A kid plays", "A boy plays", 4.5)), StsLoader.load(d, "train").allPairs());
    assertEquals(List.of(new ScoredPair("No boy", "Kids", 3.3)), StsLoader.load(d, "test").allPairs());
    assertEquals(3, StsLoader.load(d, "all").size());

    Path f = folder("SICK-full");
    write(
        f.resolve("SICK.txt"),
        "pair_ID\tsentence_A\tsentence_B\tentailment_label\trelatedness_score\tSemEval_set\r\n"
            + "1\ta\tb\tNEUTRAL\t4.5\tTRAIN\r\n"
            + "2\tc\td\tNEUTRAL\t3.2\tTEST\r\n"
            + "3\te\tf\tENTAILMENT\t1\tTRIAL");
    StsData test = StsLoader.load(f, "test");
    assertEquals(List.of(new ScoredPair("c", "d", 3.2)), test.allPairs());
    assertEquals(1, test.report().warnings().size());
    assertEquals(List.of(new ScoredPair("e", "f", 1)), StsLoader.load(f, "trial").allPairs());
    assertEquals(3, StsLoader.load(f, "all").size());
    assertThrows(CptbenchException.class, () -> StsLoader.load(f, "validation"));
  }

  @Test
  void mtebSplitIsTheThreeSemEvalSickFilesAndTheTestSplitElsewhere() throws IOException {
    Path d = folder("SICK");
    write(d.resolve("SICK_train.txt"), "1\ta\tb\t4.5\tNEUTRAL\n2\tc\td\t1.0\tNEUTRAL\n");
    write(d.resolve("SICK_trial.txt"), "3\te\tf\t3.6\tCONTRADICTION\n");
    write(d.resolve("SICK_test_annotated.txt"), "4\tg\th\t2.2\tNEUTRAL\n");
    StsData mteb = StsLoader.load(d, StsLoader.MTEB);
    assertEquals(
        List.of(new ScoredPair("a", "b", 4.5), new ScoredPair("c", "d", 1.0), new ScoredPair("e", "f", 3.6),
            new ScoredPair("g", "h", 2.2)),
        mteb.allPairs());
    assertEquals(1, mteb.subsets().size(), "one pooled set, one correlation");
    assertEquals(1, StsLoader.load(d, "test").size());

    Path full = folder("SICK-full");
    write(full.resolve("SICK.txt"), "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tSemEval_set\n1\ta\tb\t4\tTEST\n");
    CptbenchException e = assertThrows(CptbenchException.class, () -> StsLoader.load(full, StsLoader.MTEB));
    assertTrue(e.getMessage().contains("lacks 87"), e.getMessage());

    Path stsb = folder("STSBenchmark");
    write(stsb.resolve("sts-test.csv"), "g\tf\t2015\t1\t4.0\tx\ty\n");
    write(stsb.resolve("sts-dev.csv"), "g\tf\t2015\t1\t1.0\tu\tv\n");
    assertEquals(StsLoader.load(stsb, "test").allPairs(), StsLoader.load(stsb, StsLoader.MTEB).allPairs());
  }

  @Test
  void sickFullReleaseNeedsItsColumns() throws IOException {
    Path f = folder("SICK");
    write(f.resolve("SICK.txt"), "pair_ID\tsentence_A\tsentence_B\tscore\n1\ta\tb\t4\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> StsLoader.load(f, "test"));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("relatedness_score"), e.getMessage());
  }

  @Test
  void unknownLayout() throws IOException {
    Path d = folder("other");
    write(d.resolve("pairs.tsv"), "a\tb\t1\n");
    CptbenchException e = assertThrows(CptbenchException.class, () -> StsLoader.load(d, "test"));
    assertTrue(e.getMessage().contains("pairs.tsv") && e.getMessage().contains("sts-{train,dev,test}.csv"));
  }
}
