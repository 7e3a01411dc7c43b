package org.cptbench.data.senteval;

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

/** SentEval formats on small files written in the exact byte layouts. */
class SentEvalFormatsTest {
  @TempDir Path tmp;

  private Path folder(String name) throws IOException {
    return Files.createDirectories(tmp.resolve(name));
  }

  private static void write(Path f, String s) throws IOException {
    Files.writeString(f, s, StandardCharsets.UTF_8);
  }

  @Test
  void binaryPosNegLatin1AndEmptyLines() throws IOException {
    Path d = folder("MR");
    // pos: latin-1 0xE9 and 0x85 bytes; neg: UTF-8 with an empty line in the middle
    Files.write(
        d.resolve("rt-polarity.pos"),
        new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', '\n', 'w', 'o', 'w', (byte) 0x85, ' ', 'y', 'e', 's', '\n'});
    write(d.resolve("rt-polarity.neg"), "bad\n\nna\u00efve\n");
    SentEvalData data = SentEvalLoader.load(d);
    assertEquals("MR", data.task().name());
    assertEquals(SentEvalKind.CV10, data.task().kind());
    assertEquals(
        List.of(
            new LabeledText("caf\u00e9", 1),
            new LabeledText("wow\u0085 yes", 1),
            new LabeledText("bad", 0),
            new LabeledText("", 0),
            new LabeledText("na\u00efve", 0)),
        data.texts("all"));
    assertEquals(1, data.report().count("rt-polarity.neg.lines.empty"));
    assertTrue(data.report().warnings().stream().anyMatch(w -> w.contains("ISO-8859-1")));
  }

  @Test
  void subjObjectiveIsOneSubjectiveIsZero() throws IOException {
    Path d = folder("SUBJ");
    write(d.resolve("subj.objective"), "the film is set in 1950 .\n");
    write(d.resolve("subj.subjective"), "a charming film .\n");
    SentEvalData data = SentEvalLoader.load(d);
    assertEquals("SUBJ", data.task().name());
    assertEquals(
        List.of(new LabeledText("the film is set in 1950 .", 1), new LabeledText("a charming film .", 0)),
        data.texts("all"));
    assertEquals("objective", data.task().classNames().get(1));
  }

  @Test
  void unknownBinaryStemUsesFolderName() throws IOException {
    Path d = folder("MyReviews");
    write(d.resolve("reviews.pos"), "good\n");
    write(d.resolve("reviews.neg"), "bad\n");
    assertEquals("MyReviews", SentEvalLoader.load(d).task().name());
  }

  @Test
  void sstLabelSentenceAndSentEvalLayout() throws IOException {
    Path d = folder("SST2");
    write(d.resolve("stsa.binary.train"), "1 a stirring , funny film .\n0 dull .\n");
    write(d.resolve("stsa.binary.dev"), "0 one long string of clich\u00e9s .\n");
    write(d.resolve("stsa.binary.test"), "1 yes\n");
    SentEvalData data = SentEvalLoader.load(d);
    assertEquals(List.of("train", "dev", "test"), data.task().splits());
    assertEquals(new LabeledText("a stirring , funny film .", 1), data.texts("train").getFirst());
    assertEquals("one long string of clich\u00e9s .", data.texts("dev").getFirst().text());

    Path s = folder("SST-senteval");
    write(s.resolve("sentiment-train"), "great movie\t1\n");
    write(s.resolve("sentiment-dev"), "awful\t0\n");
    write(s.resolve("sentiment-test"), "fine , fine\t1\n");
    assertEquals(new LabeledText("fine , fine", 1), SentEvalLoader.load(s).texts("test").getFirst());
  }

  @Test
  void sstBadLabelNamesFileAndLine() throws IOException {
    Path d = folder("SST2");
    write(d.resolve("stsa.binary.train"), "1 ok\n2 not binary\n");
    write(d.resolve("stsa.binary.dev"), "0 x\n");
    write(d.resolve("stsa.binary.test"), "1 y\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> SentEvalLoader.load(d));
    assertEquals(d.resolve("stsa.binary.train"), e.file());
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("0..1"), e.getMessage());
  }

  @Test
  void trecCoarseClassesInSentEvalOrder() throws IOException {
    Path d = folder("TREC");
    Files.write(
        d.resolve("TREC.train"),
        ("DESC:manner How did serfdom develop ?\nNUM:dist How far is it ?\nABBR:exp What is "
                + "AIDS ?\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    Files.write(
        d.resolve("TREC.test"),
        new byte[] {'L', 'O', 'C', ':', 'c', 'i', 't', 'y', ' ', 'S', (byte) 0xE3, 'o', ' ', '?', '\n'});
    SentEvalData data = SentEvalLoader.load(d);
    assertEquals(SentEvalKind.TRAIN_TEST, data.task().kind());
    assertEquals(List.of(1, 5, 0), data.texts("train").stream().map(LabeledText::label).toList());
    assertEquals(new LabeledText("S\u00e3o ?", 4), data.texts("test").getFirst());
  }

  @Test
  void trecUnknownClassIsAnError() throws IOException {
    Path d = folder("TREC");
    write(d.resolve("train_5500.label"), "HUM:ind Who ?\nFOO:bar What ?\n");
    write(d.resolve("TREC_10.label"), "HUM:ind Who ?\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> SentEvalLoader.load(d));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("FOO") && e.getMessage().contains("ABBR"), e.getMessage());
  }

  @Test
  void mrpcWithBomWithAndWithoutHeader() throws IOException {
    Path d = folder("MRPC");
    write(
        d.resolve("msr_paraphrase_train.txt"),
        "\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t702876\t702977\tAmrozi said \"x\" .\tHe said x .\n"
            + "0\t1\t2\tA\tB\n");
    write(d.resolve("msr_paraphrase_test.txt"), "\uFEFF1\t1089874\t1089925\tPCCW 's chief\tThe chief\n");
    SentEvalData data = SentEvalLoader.load(d);
    assertEquals(SentEvalKind.PAIRS, data.task().kind());
    assertEquals(
        List.of(new TextPair("Amrozi said \"x\" .", "He said x .", 1), new TextPair("A", "B", 0)),
        data.pairs("train"));
    assertEquals(List.of(new TextPair("PCCW 's chief", "The chief", 1)), data.pairs("test"));
    assertThrows(IllegalStateException.class, () -> data.texts("train"));
  }

  @Test
  void mrpcShortLineIsAnError() throws IOException {
    Path d = folder("MRPC");
    write(d.resolve("msr_paraphrase_train.txt"), "1\t1\t2\tonly one sentence\n");
    write(d.resolve("msr_paraphrase_test.txt"), "1\t1\t2\ta\tb\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> SentEvalLoader.load(d));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("got 4"), e.getMessage());
  }

  @Test
  void unknownFolderListsFilesAndFormats() throws IOException {
    Path d = folder("X");
    write(d.resolve("data.csv"), "a,b\n");
    CptbenchException e = assertThrows(CptbenchException.class, () -> SentEvalLoader.load(d));
    assertTrue(e.getMessage().contains("data.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("<stem>.pos"), e.getMessage());
    assertThrows(CptbenchException.class, () -> SentEvalLoader.load(tmp.resolve("missing")));
  }

  @Test
  void taskValidatesClassNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SentEvalTask("T", SentEvalKind.CV10, List.of("a")));
    assertTrue(e.getMessage().contains("[a]"));
  }
}
