package org.cptbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.cptbench.data.TaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading results.csv: quoting, validation and errors that name file and line. */
class ResultsTest {
  /** The parameter columns of the rows below (those before precision became a parameter; still read). */
  private static final String HEADER = String.join(",", Results.header(
      List.of("encoder", "attention", "pooling", "temperature", "batchSize", "steps", "seed"))) + "\n";
  private static final String PREFIX = "c1,tiny,causal,eos,learned(0.07),32,300,1,300,";

  @TempDir Path dir;

  private Path write(String body) throws IOException {
    return Files.writeString(dir.resolve("results.csv"), HEADER + body);
  }

  private MalformedInputException malformed(String body) throws IOException {
    Path file = write(body);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> Results.read(file));
    assertEquals(file, e.file());
    assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": "), e.getMessage());
    return e;
  }

  @Test
  void readsQuotedDefinitionsAndTypes() throws IOException {
    Results r =
        Results.read(
            write(
                PREFIX + "MR,probe,accuracy,0.75,\"correct, over all \"\"test\"\" sentences\nsecond line\"\n"
                    + "\n"
                    + PREFIX + "msmarco-dev,retrieval,MRR@10,0.25,\n"));
    assertEquals(2, r.table().rowCount());
    assertEquals(0.75, r.table().doubleColumn("value").getDouble(0));
    assertEquals(300, r.table().intColumn("step").getInt(1));
    assertEquals("correct, over all \"test\" sentences\nsecond line", r.tasks().get("MR").definitions().get("accuracy"));
    assertEquals(List.of("c1"), List.copyOf(r.cells().keySet()));
    assertEquals("1", r.cells().get("c1").seed());
    assertEquals(TaskKind.RETRIEVAL, r.tasks().get("msmarco-dev").kind());
  }

  @Test
  void badValueNamesItsLineAfterAMultiLineField() throws IOException {
    // record 1 spans lines 2-3, a blank line 4, the bad record is on line 5
    MalformedInputException e =
        malformed(
            PREFIX + "MR,probe,accuracy,0.75,\"two\nlines\"\n\n" + PREFIX + "STSB,sts,spearman,abc,rho\n");
    assertEquals(5, e.line());
    assertTrue(e.getMessage().contains("value must be a number in [-1, 1], got 'abc'"), e.getMessage());
  }

  @Test
  void valueOutsideUnitInterval() throws IOException {
    MalformedInputException e = malformed(PREFIX + "MR,probe,accuracy,0.5,x\n" + PREFIX + "STSB,sts,spearman,75.2,x\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("[-1, 1] (a fraction, or a correlation), got 75.2"), e.getMessage());
  }

  @Test
  void wrongFieldCount() throws IOException {
    MalformedInputException e = malformed(PREFIX + "MR,probe,accuracy,0.5,x\n" + PREFIX + "MR,probe,0.5\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("12 columns. 14 expected"), e.getMessage());
    e = malformed(PREFIX + "MR,probe,accuracy,0.5,a, b unquoted\n");
    assertEquals(2, e.line());
  }

  @Test
  void unknownKindListsTheAllowedOnes() throws IOException {
    MalformedInputException e = malformed(PREFIX + "MR,classification,accuracy,0.5,x\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("probe, sts, retrieval, qa, code"), e.getMessage());
  }

  @Test
  void duplicateResultNamesBothLines() throws IOException {
    MalformedInputException e =
        malformed(PREFIX + "MR,probe,accuracy,0.5,x\n" + PREFIX + "STSB,sts,spearman,0.5,x\n" + PREFIX
            + "MR,probe,accuracy,0.6,x\n");
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("first on line 2"), e.getMessage());
  }

  @Test
  void cellWithTwoConfigurations() throws IOException {
    MalformedInputException e =
        malformed(PREFIX + "MR,probe,accuracy,0.5,x\nc1,tiny,causal,eos,learned(0.07),64,300,1,300,STSB,sts,spearman,0.5,x\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("cell c1 has other parameters than on line 2"), e.getMessage());
  }

  @Test
  void twoCellsWithTheSameConfigurationAndSeed() throws IOException {
    MalformedInputException e =
        malformed(PREFIX + "MR,probe,accuracy,0.5,x\n" + PREFIX.replace("c1,", "c2,") + "MR,probe,accuracy,0.5,x\n");
    assertTrue(e.getMessage().contains("cells c1 and c2 have the same configuration and seed 1"), e.getMessage());
  }

  @Test
  void badIntegerAndEmptyField() throws IOException {
    MalformedInputException e = malformed("c1,tiny,causal,eos,learned(0.07),big,300,1,300,MR,probe,accuracy,0.5,x\n");
    assertTrue(e.getMessage().contains("batchSize must be an integer >= 1, got 'big'"), e.getMessage());
    e = malformed("c1,tiny,,eos,learned(0.07),32,300,1,300,MR,probe,accuracy,0.5,x\n");
    assertTrue(e.getMessage().contains("attention is empty"), e.getMessage());
  }

  @Test
  void wrongHeaderAndEmptyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("results.csv"), "cell,model,value\nc1,x,0.5\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> Results.read(file));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("header is cell,model,value; expected cell, the parameter columns, then "
        + "step,task,kind,metric,value,definition (e.g. cell,encoder,"), e.getMessage());
    Files.writeString(file, "cell,encoder,steps,seed,step,task,kind,metric,value,definition\n");
    e = assertThrows(MalformedInputException.class, () -> Results.read(file));
    assertTrue(e.getMessage().contains("parameter column batchSize missing"), e.getMessage());
    Files.writeString(file, "");
    assertThrows(MalformedInputException.class, () -> Results.read(file));
    Files.writeString(file, HEADER);
    e = assertThrows(MalformedInputException.class, () -> Results.read(file));
    assertTrue(e.getMessage().contains("no result rows"), e.getMessage());
  }

  @Test
  void missingFile() {
    CptbenchException e = assertThrows(CptbenchException.class, () -> Results.read(dir.resolve("results.csv")));
    assertEquals(dir.resolve("results.csv") + ": file not found", e.getMessage());
  }

  @Test
  void primaryMetrics() {
    // declared by catalog cards, not by the name: MS MARCO dev MRR@10, TREC DL 2019 nDCG@10; an uncatalogued name
    // that merely contains "msmarco" gets the kind's default
    assertEquals("MRR@10", TaskKind.RETRIEVAL.primaryMetric("msmarco-dev-small", List.of("nDCG@10", "MRR@10")));
    assertEquals("nDCG@10", TaskKind.RETRIEVAL.primaryMetric("beir/msmarco-dl19-mini", List.of("MRR@10", "nDCG@10")));
    assertEquals("nDCG@10", TaskKind.RETRIEVAL.primaryMetric("msmarco-dev", List.of("MRR@10", "nDCG@10")));
    assertEquals("CSN-MRR", TaskKind.CODE.primaryMetric("csn-python", List.of("CSN-MRR", "MRR@10")));
    assertEquals("nDCG@10", TaskKind.RETRIEVAL.primaryMetric("scifact", List.of("MRR@10", "nDCG@10")));
    assertEquals("R@100", TaskKind.RETRIEVAL.primaryMetric("scifact", List.of("R@100", "MRR@10")));
    assertEquals("AnswerAcc@20", TaskKind.QA.primaryMetric("nq", List.of("AnswerAcc@5", "AnswerAcc@20")));
    assertEquals("MRR@10", TaskKind.CODE.primaryMetric("csn-python", List.of("Success@5", "MRR@10")));
    assertEquals("Success@5", TaskKind.CODE.primaryMetric("csn-python", List.of("Success@5")));
    assertEquals("spearman", TaskKind.STS.primaryMetric("STSB", List.of("pearson", "spearman")));
    assertEquals("accuracy", TaskKind.PROBE.primaryMetric("MR", List.of("accuracy")));
  }
}
