package org.cptbench.data.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cptbench.TestData;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code-search layouts on small files written in the official formats, and the shared Java pairs. */
class CodeSearchLoaderTest {
  /** Two records as the CodeSearchNet v2 release writes them (python: the docstring stays inside code). */
  static final String CSN_PYTHON =
      """
      {"repo": "soimort/you-get", "path": "src/you_get/extractors/youtube.py", "func_name": "YouTube.get_vid_from_url", "original_string": "def get_vid_from_url(url):\\n        \\"\\"\\"Extracts video ID from URL.\\n        \\"\\"\\"\\n        return match1(url, r'youtu\\\\.be/([^?/]+)') or \\\\\\n          match1(url, r'youtube\\\\.com/embed/([^/?]+)')", "language": "python", "code": "def get_vid_from_url(url):\\n        \\"\\"\\"Extracts video ID from URL.\\n        \\"\\"\\"\\n        return match1(url, r'youtu\\\\.be/([^?/]+)') or \\\\\\n          match1(url, r'youtube\\\\.com/embed/([^/?]+)')", "code_tokens": ["def", "get_vid_from_url", "(", "url", ")", ":", "return", "match1", "(", "url", ",", "r'youtu\\\\.be/([^?/]+)'", ")", "or", "match1", "(", "url", ",", "r'youtube\\\\.com/embed/([^/?]+)'", ")"], "docstring": "Extracts video ID from URL.", "docstring_tokens": ["Extracts", "video", "ID", "from", "URL", "."], "sha": "b746ac01c9f39de94cac2d56f665285b0523b974", "url": "https://github.com/soimort/you-get/blob/b746ac01c9f39de94cac2d56f665285b0523b974/src/you_get/extractors/youtube.py#L135-L143", "partition": "test"}

      {"repo": "soimort/you-get", "path": "src/you_get/common.py", "func_name": "rc4", "original_string": "def rc4(key, data):\\n    \\"\\"\\"RC4 stream cipher.\\"\\"\\"\\n    return bytes(data)", "language": "python", "code": "def rc4(key, data):\\n    \\"\\"\\"RC4 stream cipher.\\"\\"\\"\\n    return bytes(data)", "code_tokens": ["def", "rc4", "(", "key", ",", "data", ")", ":", "return", "bytes", "(", "data", ")"], "docstring": "RC4 stream cipher.", "docstring_tokens": ["RC4", "stream", "cipher", "."], "sha": "b746ac01c9f39de94cac2d56f665285b0523b974", "url": "https://github.com/soimort/you-get/blob/b746ac01c9f39de94cac2d56f665285b0523b974/src/you_get/common.py#L10-L12", "partition": "test"}
      """;

  static Path gz(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void officialReleaseLayout(@TempDir Path dir) throws IOException {
    gz(dir.resolve("python/final/jsonl/test/python_test_0.jsonl.gz"), CSN_PYTHON);
    assertTrue(CodeSearchLoader.recognises(dir));
    CodeSearchTask t = CodeSearchLoader.load(dir, "test", "code/csn");
    assertEquals(CodeSearchTask.CODESEARCHNET, t.format());
    assertEquals(List.of("Extracts video ID from URL .", "RC4 stream cipher ."), t.queries());
    assertEquals(List.of("python", "python"), t.docLanguages());
    assertEquals(List.of(0, 1), t.answers());
    // the docstring is cut out of the searched code, the rest stays
    assertFalse(t.docs().get(0).contains("Extracts video ID"));
    assertTrue(t.docs().get(0).contains("match1(url"));
    assertTrue(t.queryIds().get(1).endsWith("common.py#L10-L12"));
    assertEquals(2, t.report().count("queries"));
    org.cptbench.data.TaskFolder folder = org.cptbench.data.TaskFolder.detect(dir.getParent(), dir.getFileName().toString());
    assertEquals(org.cptbench.data.TaskKind.CODE, folder.kind());
  }

  @Test
  void trainSplitsAsCorpus(@TempDir Path dir) throws IOException {
    gz(dir.resolve("code/python/train.jsonl.gz"), CSN_PYTHON);
    gz(dir.resolve("code/python/test.jsonl.gz"), CSN_PYTHON.lines().findFirst().orElseThrow());
    var corpus = org.cptbench.data.corpus.Corpora.open("codesearchnet:code", dir);
    var pairs = corpus.pairs(org.cptbench.data.corpus.NeighbourPairs.Options.defaults());
    assertEquals(2, pairs.size(), "train files only");
    assertEquals("RC4 stream cipher .", pairs.get(1).x());
    assertFalse(pairs.get(1).y().contains("RC4 stream cipher."), "the docstring is not in the code side");
  }

  @Test
  void malformedLinesNameFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("test.jsonl");
    String good = CSN_PYTHON.lines().findFirst().orElseThrow();
    Files.writeString(f, good + "\n{\"code\": 3, \"docstring\": \"x\"}\n");
    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> CodeSearchLoader.load(dir, "test", "t"));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("\"code\""), e.getMessage());

    Files.writeString(f, good + "\n\n{\"code\": \"x\", \"docstring\": \"y\"\n");
    e = assertThrows(MalformedInputException.class, () -> CsnJsonl.read(f, "test"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

    Files.writeString(f, "{\"code\": \"x\", \"language\": \"go\"}\n");
    e = assertThrows(MalformedInputException.class, () -> CsnJsonl.read(f, "test"));
    assertTrue(e.getMessage().contains("docstring"), e.getMessage());

    Files.writeString(f, "{\"code\": \"x\", \"docstring\": \"y\", \"docstring_tokens\": [\"a\", 1]}\n");
    e = assertThrows(MalformedInputException.class, () -> CsnJsonl.read(f, "test"));
    assertTrue(e.getMessage().contains("list of strings"), e.getMessage());
  }

  @Test
  void advTestUsesTokensAndIdx(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("test.jsonl"),
        """
        {"url": "url0", "idx": 10, "repo": "r", "path": "p.py", "func_name": "func", "language": "python", "original_string": "def func(arg_0):\\n    return arg_0 + 1", "function": "def func(arg_0):\\n    return arg_0 + 1", "function_tokens": ["def", "func", "(", "arg_0", ")", ":", "return", "arg_0", "+", "1"], "docstring": "Adds one.", "docstring_tokens": ["Adds", "one", "."]}
        {"url": "url1", "idx": 11, "repo": "r", "path": "p.py", "func_name": "func", "language": "python", "original_string": "def func():\\n    pass", "function": "def func():\\n    pass", "function_tokens": ["def", "func", "(", ")", ":", "pass"], "docstring": "Does nothing at all.", "docstring_tokens": ["Does", "nothing", "at", "all", "."]}
        """);
    CodeSearchTask t = CodeSearchLoader.load(dir, "test", "advtest");
    assertEquals(CodeSearchTask.ADVTEST, t.format());
    assertEquals("def func ( arg_0 ) : return arg_0 + 1", t.docs().get(0));
    assertEquals("Adds one .", t.queries().get(0));
    assertEquals(List.of("url0", "url1"), t.queryIds());
  }

  @Test
  void cosqaPoolAndQueries(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("code_idx_map.txt"),
        """
        {
         "def paste(xsel=False):\\n    \\"\\"\\"Returns system clipboard contents.\\"\\"\\"\\n    return clip()": 1,
         "def timespan(start_time):\\n    \\"\\"\\"Return time in milliseconds from start_time\\"\\"\\"\\n    return 1": 0
        }
        """);
    Files.writeString(
        dir.resolve("cosqa-retrieval-test-500.json"),
        """
        [
         {"idx": "cosqa-train-1", "doc": "python get clipboard", "code": "x", "code_tokens": "x", "docstring_tokens": "Returns system clipboard contents .", "label": 1, "retrieval_idx": 1},
         {"idx": "cosqa-train-2", "doc": "python elapsed ms", "code": "y", "code_tokens": "y", "docstring_tokens": "Return time", "label": 0, "retrieval_idx": 0},
         {"idx": "cosqa-train-3", "doc": "python time span", "code": "y", "code_tokens": "y", "docstring_tokens": "Return time", "label": 1, "retrieval_idx": 0}
        ]
        """);
    assertTrue(CodeSearchLoader.recognises(dir));
    CodeSearchTask t = CodeSearchLoader.load(dir, "test", "cosqa");
    assertEquals(CodeSearchTask.COSQA, t.format());
    assertEquals(List.of("0", "1"), t.docIds());
    assertEquals(List.of("cosqa-train-1", "cosqa-train-3"), t.queryIds());
    assertEquals(List.of(1, 0), t.answers());
    assertEquals(1, t.report().count("negativeLabelsSkipped"));

    Files.writeString(
        dir.resolve("cosqa-retrieval-test-500.json"),
        "[{\"idx\": \"q\", \"doc\": \"d\", \"retrieval_idx\": 7}]");
    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> CodeSearchLoader.load(dir, "test", "cosqa"));
    assertTrue(e.getMessage().contains("cosqa-retrieval-test-500.json:1:"), e.getMessage());
    assertTrue(e.getMessage().contains("retrieval_idx 7"), e.getMessage());
  }

  @Test
  void writerRoundTrip(@TempDir Path dir) {
    List<CsnRecord> in = CsnJsonl.read(writeFixture(dir), "test");
    Path out = dir.resolve("copy/test.jsonl.gz");
    CsnJsonl.write(out, in);
    assertEquals(in, CsnJsonl.read(out, "x"));
  }

  private static Path writeFixture(Path dir) {
    try {
      return gz(dir.resolve("fixture.jsonl.gz"), CSN_PYTHON);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sharedJavaPairs() {
    Path f = TestData.require("code/java_javadoc_method_pairs.jsonl.gz");
    List<CsnRecord> records = CsnJsonl.read(f, "all");
    assertEquals(18_697, records.size());
    assertTrue(records.stream().allMatch(r -> r.language().equals("java") && !r.query().isBlank()));
    CsnRecord first = records.getFirst();
    assertEquals("Helper method for comparing two arrays of annotations.", first.query());
    assertEquals("java_javadoc_method_pairs.jsonl.gz#L1", first.url());
    assertTrue(first.searchCode().startsWith("private static boolean annotationArrayMemberEquals"));
  }
}
