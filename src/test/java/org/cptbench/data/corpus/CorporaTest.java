package org.cptbench.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {
  @Test
  void unknownNameListsAllowedNames(@TempDir Path dir) {
    CptbenchException e = assertThrows(CptbenchException.class, () -> Corpora.open("nltk-gutenberg", dir));
    assertTrue(
        e.getMessage().startsWith("unknown corpus 'nltk-gutenberg': allowed names are nltk, nltk-abc, nltk-webtext,"),
        e.getMessage());
    assertTrue(e.getMessage().contains("wordnet, code"), e.getMessage());
  }

  @Test
  void namedCorpusWithoutDataSaysWhere(@TempDir Path dir) {
    CptbenchException e = assertThrows(CptbenchException.class, () -> Corpora.open("code", dir));
    assertTrue(e.getMessage().startsWith("data not found: " + dir.resolve("code/java_javadoc_method_pairs.jsonl.gz")));
  }

  @Test
  void userPathsByKind(@TempDir Path dir) throws IOException {
    Path d = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(d.resolve("a.txt"), "One. Two.\nThree.\n");
    Files.writeString(d.resolve("b.jsonl"), "{\"text\": \"Four. Five.\"}\n");
    Files.writeString(d.resolve("c.tsv"), "q\tp\n");
    Files.writeString(d.resolve("d.jsonl"), "{\"x\": \"qx\", \"y\": \"py\"}\n");
    Files.writeString(d.resolve(".hidden.txt"), "Ignored. Text.\n");
    CorpusReadersTest.zip(d.resolve("inaugural.zip"), Map.of("inaugural/1789-W.txt", "Six. Seven.\n".getBytes()));

    TextCorpus all = Corpora.open(d.toString(), dir);
    assertTrue(all.hasExplicitPairs());
    assertEquals(
        List.of("One.|Two.", "Four.|Five.", "q|p", "qx|py", "Six.|Seven."),
        NeighbourPairsTest.flat(all.pairs(NeighbourPairs.Options.defaults())));
    assertEquals(6, all.documents().size()); // a.txt: 2 lines, b, c, d, the zip
    assertEquals("One.\nTwo.", all.texts().findFirst().orElseThrow());

    TextCorpus paragraphs = Corpora.open(d.resolve("a.txt").toString(), dir, TextFormat.PARAGRAPHS);
    assertFalse(paragraphs.hasExplicitPairs());
    assertEquals(List.of("One.|Two.", "Two.|Three."), NeighbourPairsTest.flat(paragraphs.pairs(NeighbourPairs.Options.defaults())));
  }

  @Test
  void sharedNltkCorpora() {
    Path data = TestData.dir();
    TestData.require("corpora/nltk_data/brown.zip");
    assertEquals(500, Corpora.open("nltk-brown", data).documents().size());
    assertEquals(2000, Corpora.open("nltk-movie_reviews", data).documents().size());
    assertEquals(59, Corpora.open("nltk-inaugural", data).documents().size());
    assertEquals(65, Corpora.open("nltk-state_union", data).documents().size());
    // abc: 2424 rural items separated by empty lines, +1 where a line of spaces separates (rural.txt:16815),
    // + 764 science items (science.txt has CRLF line ends, so its separators are "\r" lines)
    assertEquals(2424 + 1 + 764, Corpora.open("nltk-abc", data).documents().size());
    // webtext: 10000 firefox + 160 singles + 1230 wine lines, 3125 overheard conversations, grail, pirates
    assertEquals(10000 + 160 + 1230 + 3125 + 2, Corpora.open("nltk-webtext", data).documents().size());

    List<Document> brown = Corpora.open("nltk-brown", data).documents();
    assertEquals("brown/ca01", brown.get(0).id());
    assertTrue(
        brown.get(0).units().get(0).startsWith("The Fulton County Grand Jury said Friday an investigation of"),
        brown.get(0).units().get(0));
    for (Document doc : brown) {
      for (String unit : doc.units()) {
        assertFalse(unit.matches(".*\\S/(at|nn|in|vbd|jj)( .*)?"), unit);
      }
    }
    Document washington = Corpora.open("nltk-inaugural", data).documents().get(0);
    assertEquals("inaugural/1789-Washington.txt", washington.id());
    assertEquals("Fellow-Citizens of the Senate and of the House of Representatives:", washington.units().get(0));
  }

  @Test
  void sharedEuroparlWordnetCode() {
    Path data = TestData.dir();
    TestData.require("corpora/wordnet-3.0");
    assertEquals(1267, Corpora.open("europarl", data).documents().size());
    TextCorpus wordnet = Corpora.open("wordnet", data);
    assertEquals(117_659, wordnet.documents().size());
    List<TextPair> wn = wordnet.pairs(NeighbourPairs.Options.defaults());
    assertEquals(48_265, wn.size()); // quoted examples after the first '; "' of each gloss
    assertTrue(wn.contains(new TextPair("breathe, take a breath, respire, suspire: draw air into, and expel out of, the lungs",
        "I can breathe better when the air is clean")), "breathe example missing");
    TextCorpus code = Corpora.open("code", data);
    List<TextPair> pairs = code.pairs(NeighbourPairs.Options.defaults());
    assertEquals(18_697, pairs.size());
    assertEquals("Helper method for comparing two arrays of annotations.", pairs.get(0).x());
    assertTrue(pairs.get(0).y().startsWith("private static boolean annotationArrayMemberEquals("));
  }
}
