package org.cptbench.data.trec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.cptbench.eval.TrecFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecRunTest {
  @TempDir Path dir;

  @Test
  void readsRunAndResortsAsTrecEval() throws IOException {
    TrecRun run = TrecRunReader.read(TrecFixture.writeRun(dir));
    assertEquals(List.of("q1", "q2", "q4", "q5", "q9"), run.queryIds());
    assertEquals("t", run.tag());
    Map<String, List<String>> r = run.rankings();
    assertEquals(List.of("d3", "d2", "d1", "dx", "d4"), r.get("q1"));
    assertEquals(List.of("b", "a"), r.get("q2"));
    assertEquals("r", r.get("q4").get(10));
    // file order is kept in entries()
    assertEquals("d1", run.entries("q1").get(1).docId());
  }

  @Test
  void rankColumnIsIgnoredAndCommentsAndBlankLinesSkipped() throws IOException {
    Path f = Files.writeString(dir.resolve("r.txt"), "# c\n\n  q Q0 a 1 0.5 x extra\nq Q0 b 7 0.9 x\n");
    assertEquals(List.of("b", "a"), TrecRunReader.read(f).rankings().get("q"));
  }

  @Test
  void malformedRunLinesNameFileAndLine() throws IOException {
    Path few = Files.writeString(dir.resolve("few.txt"), "q Q0 a 1 0.5 x\nq Q0 b 2 0.4\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> TrecRunReader.read(few));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(few + ":2: expected 6"), e.getMessage());

    Path score = Files.writeString(dir.resolve("score.txt"), "q Q0 a 1 high x\n");
    e = assertThrows(MalformedInputException.class, () -> TrecRunReader.read(score));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("score (5th field) 'high'"), e.getMessage());

    Path swapped = Files.writeString(dir.resolve("swapped.txt"), "q Q0 a 0.5 1 x\n");
    e = assertThrows(MalformedInputException.class, () -> TrecRunReader.read(swapped));
    assertTrue(e.getMessage().contains("rank (4th field) '0.5'"), e.getMessage());

    Path dup = Files.writeString(dir.resolve("dup.txt"), "q Q0 a 1 0.5 x\nq Q0 b 2 0.4 x\nq Q0 a 3 0.3 x\n");
    e = assertThrows(MalformedInputException.class, () -> TrecRunReader.read(dup));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("first on line 1"), e.getMessage());
  }

  @Test
  void scoresAreKeptWhenStrictlyDecreasingAndNudgedOnTies() {
    double[] real = {3.0, 2.5, 1.0};
    assertArrayEquals(real, TrecRunWriter.strictlyDecreasing(real, "q"));
    double[] w = TrecRunWriter.strictlyDecreasing(new double[] {2.0, 1.0, 1.0, 1.0, 0.5, Math.nextDown(1.0)}, "q");
    assertEquals(2.0, w[0]);
    assertEquals(1.0, w[1]);
    assertEquals(Math.nextDown(1.0), w[2]);
    assertEquals(Math.nextDown(Math.nextDown(1.0)), w[3]);
    assertEquals(0.5, w[4]);
    assertEquals(Math.nextDown(0.5), w[5]); // out-of-order input still comes out strictly decreasing
    assertThrows(CptbenchException.class, () -> TrecRunWriter.strictlyDecreasing(new double[] {1, Double.NaN}, "q"));
  }

  @Test
  void writeThenTrecEvalResortReproducesOurOrder() throws IOException {
    // Our ranking: score descending, ties by doc id ASCENDING (the harness convention), the opposite of trec_eval.
    Map<String, List<TrecRun.Entry>> ours = new LinkedHashMap<>();
    List<TrecRun.Entry> q1 = new ArrayList<>();
    q1.add(new TrecRun.Entry("d1", 0.75));
    q1.add(new TrecRun.Entry("d10", 0.75));
    q1.add(new TrecRun.Entry("d2", 0.75));
    q1.add(new TrecRun.Entry("a", 0.5));
    q1.add(new TrecRun.Entry("b", 0.5));
    q1.add(new TrecRun.Entry("z", 1e-5));
    q1.add(new TrecRun.Entry("y", -0.0));
    q1.add(new TrecRun.Entry("x", 0.0));
    ours.put("q1", q1);
    ours.put("10", List.of(new TrecRun.Entry("only", 2.0)));
    Path f = dir.resolve("out/run.trec");
    TrecRunWriter.write(f, ours, "cptbench");

    List<String> lines = Files.readAllLines(f);
    assertEquals("10 Q0 only 1 2.0 cptbench", lines.get(0)); // queries in strcmp order
    assertEquals("q1 Q0 d1 1 0.75 cptbench", lines.get(1)); // real score kept for the first of a tie
    assertEquals("q1 Q0 a 4 0.5 cptbench", lines.get(4)); // and after a tie, once below it

    Map<String, List<String>> resorted = TrecRunReader.read(f).rankings();
    assertEquals(List.of("d1", "d10", "d2", "a", "b", "z", "y", "x"), resorted.get("q1"));
    assertEquals(List.of("only"), resorted.get("10"));
  }

  @Test
  void writerRejectsIdsARunFileCannotHold() {
    Path f = dir.resolve("bad.trec");
    CptbenchException e =
        assertThrows(
            CptbenchException.class,
            () -> TrecRunWriter.write(f, Map.of("0", List.of(new TrecRun.Entry("Global warming:14", 1.0))), "t"));
    assertTrue(e.getMessage().contains("'Global warming:14' contains whitespace"), e.getMessage());
    assertThrows(
        CptbenchException.class,
        () -> TrecRunWriter.write(f, Map.of("#1", List.of(new TrecRun.Entry("d", 1.0))), "t"));
    assertThrows(
        CptbenchException.class,
        () ->
            TrecRunWriter.write(
                f, Map.of("q", List.of(new TrecRun.Entry("d", 1.0), new TrecRun.Entry("d", 0.5))), "t"));
    assertTrue(Files.notExists(f));
  }
}
