package org.cptbench.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prose from documentation packages: HTML extraction, dpkg versions, the cached build and its card. */
class PackageCorpusTest {
  @TempDir Path dir;

  static final String PAGE =
      """
      <html><head><title>t</title><script>var x = "not prose at all, this is a script block here";</script></head>
      <body><div class="sphinxsidebar"><p>Navigation text that is long enough to count as a paragraph here.</p></div>
      <div class="body" role="main"><section><h1>Classes<a class="headerlink" href="#c">¶</a></h1>
      <p>Classes provide a means of bundling <code class="xref">data</code> and functionality together in one place.</p>
      <div class="highlight"><pre>class Foo:  # a code block with enough words to look like a paragraph of text
          pass</pre></div>
      <p>Too short to keep.</p>
      <ul><li><p>A list item that holds its own paragraph of running English text inside it.</p></li>
      <li>A bare list item, written as plain running text, long enough to be kept as prose.</li></ul>
      <table><tr><td><p>A table cell with a sentence that is long enough to be a paragraph.</p></td></tr></table>
      <p>x = 1; y = 2; z = x + y; print(x, y, z); assert z == 3; del x, y, z;</p>
      </section></div></body></html>
      """;

  @Test
  void htmlProseKeepsRunningTextOnly() {
    assertEquals(
        List.of(
            "Classes provide a means of bundling data and functionality together in one place.",
            "A list item that holds its own paragraph of running English text inside it.",
            "A bare list item, written as plain running text, long enough to be kept as prose."),
        HtmlProse.paragraphs(PAGE));
  }

  @Test
  void docBookAndPublicanPagesToo() {
    String page =
        """
        <html><body><div class="navheader"><p>Prev Up Home Next and some more navigation words here</p></div>
        <div class="section"><div class="para">The Advanced Package Tool fetches packages and resolves their
        dependencies for the administrator.</div><ul class="docnav"><li>Prev: a navigation link with many words in
        it</li></ul></div><div class="navfooter"><p>Next chapter title with enough words to look like prose</p>
        </div></body></html>
        """;
    assertEquals(
        List.of("The Advanced Package Tool fetches packages and resolves their dependencies for the administrator."),
        HtmlProse.paragraphs(page));
  }

  @Test
  void proseNeedsWordsAndLetters() {
    assertTrue(HtmlProse.isProse("The quick brown fox jumps over the lazy dog today."));
    assertFalse(HtmlProse.isProse("Seven words are not quite enough here."));
    assertFalse(HtmlProse.isProse("0x10 0x20 0x30 0x40 0x50 0x60 0x70 0x80 0x90"));
    assertFalse(HtmlProse.isProse("if (a and b and c and d) then return the value {"));
  }

  @Test
  void dpkgStatusGivesInstalledVersionsOnly() throws IOException {
    Path status = dir.resolve("status");
    Files.writeString(
        status,
        """
        Package: a-doc
        Status: install ok installed
        Version: 1.2-3

        Package: b-doc
        Status: deinstall ok config-files
        Version: 4.5

        Package: c-doc
        Status: install ok half-installed
        Version: 6
        """);
    assertEquals(Optional.of("1.2-3"), DebianPackages.installedVersion("a-doc", status));
    assertEquals(Optional.empty(), DebianPackages.installedVersion("b-doc", status));
    assertEquals(Optional.empty(), DebianPackages.installedVersion("c-doc", status));
    assertEquals(Optional.empty(), DebianPackages.installedVersion("d-doc", status));
    assertEquals(Optional.empty(), DebianPackages.installedVersion("a-doc", dir.resolve("none")));
  }

  @Test
  void buildsOnceWithACard() throws IOException {
    Path root = Files.createDirectories(dir.resolve("html/tutorial"));
    Files.writeString(root.resolve("classes.html"), PAGE);
    Files.writeString(root.resolve("empty.html"), "<html><body><div role=main><p>short</p></div></body></html>");
    Files.createDirectories(dir.resolve("html/_static"));
    Files.writeString(dir.resolve("html/_static/x.html"), PAGE);
    Files.writeString(dir.resolve("html/genindex-A.html"), PAGE);
    Path status = dir.resolve("status");
    Files.writeString(status, "Package: demo-doc\nStatus: install ok installed\nVersion: 2:1.0+b1\n");
    PackageCorpus c =
        new PackageCorpus("demo", "demo-doc", "MIT", dir.resolve("html"), List.of("_", "genindex"), "demo pages");
    Path built = PackageCorpusBuilder.ensureBuilt(c, dir.resolve("cache"), status);
    assertEquals(dir.resolve("cache/demo-2_1.0+b1-rule" + HtmlProse.RULE), built);
    List<Document> docs = PackageCorpusBuilder.documents(built);
    assertEquals(1, docs.size());
    assertEquals("tutorial/classes.html", docs.get(0).id());
    assertEquals(HtmlProse.paragraphs(PAGE), docs.get(0).units());
    JsonNode card = PackageCorpusBuilder.card(built);
    assertEquals("demo-doc", card.get("package").asText());
    assertEquals("2:1.0+b1", card.get("version").asText());
    assertEquals("MIT", card.get("licence").asText());
    assertEquals(2, card.get("counts").get("pages").asInt());
    assertEquals(1, card.get("counts").get("documents").asInt());
    assertEquals(3, card.get("counts").get("paragraphs").asInt());
    assertEquals(13 + 14 + 16, card.get("counts").get("words").asInt());
    // built once: a second call returns the cached folder without reading the pages
    Files.writeString(root.resolve("classes.html"), "changed");
    assertEquals(built, PackageCorpusBuilder.ensureBuilt(c, dir.resolve("cache"), status));
    assertEquals(docs, PackageCorpusBuilder.documents(built));
  }

  /** A real page of the Python manual (python3.11-doc), when the package is installed. */
  @Test
  void realPythonTutorialPage() throws IOException {
    Path page = PackageCorpus.find("python-docs").orElseThrow().root().resolve("tutorial/classes.html");
    assumeTrue(Files.isRegularFile(page), "apt-get install python3.11-doc");
    List<String> ps = HtmlProse.paragraphs(Files.readString(page));
    assertTrue(ps.size() >= 40, ps.size() + " paragraphs");
    assertTrue(ps.stream().anyMatch(p -> p.startsWith("Classes provide a means of bundling data and functionality")));
    assertTrue(ps.stream().noneMatch(p -> p.contains(">>>") || p.contains("¶")), ps.toString());
  }

  /** A real page of the kernel manual (linux-doc-6.1), when the package is installed. */
  @Test
  void realKernelDocumentationPage() throws IOException {
    Path page = PackageCorpus.find("linux-docs").orElseThrow().root().resolve("PCI/pci.html");
    assumeTrue(Files.isRegularFile(page), "apt-get install linux-doc-6.1");
    List<String> ps = HtmlProse.paragraphs(Files.readString(page));
    assertTrue(ps.size() >= 40, ps.size() + " paragraphs");
    assertTrue(ps.stream().noneMatch(p -> p.contains("¶") || p.endsWith(";")), ps.toString());
    assertTrue(ps.stream().anyMatch(p -> p.contains("PCI")));
  }
}
