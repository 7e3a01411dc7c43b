package org.cptbench.data.corpus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Json;

/**
 * Builds a {@link PackageCorpus} once into a cache folder {@code CACHE/<name>-<version>-rule<R>/} (the installed
 * package version and the {@link HtmlProse#RULE extraction rule}, so an upgrade or a new rule builds anew):
 * {@value #DOCUMENTS} (one JSON object {@code {"id", "units"}} a line: the page's path under the package's HTML root
 * and its prose paragraphs) and {@value #CARD} (the catalog card: name,
 * package, version, licence, source folder, extraction rule, and counts of files, documents, paragraphs, characters
 * and whitespace-separated words). The folder is written next to its final place and renamed into it, so a killed
 * build leaves nothing half-written.
 */
public final class PackageCorpusBuilder {
  public static final Path DEFAULT_CACHE = Path.of("cache", "corpora");
  public static final String DOCUMENTS = "documents.jsonl.gz";
  public static final String CARD = "card.json";

  private PackageCorpusBuilder() {}

  /** The folder of the built corpus, building it first when absent. */
  public static Path ensureBuilt(PackageCorpus c, Path cacheRoot, Path dpkgStatus) {
    if (!Files.isDirectory(c.root())) {
      throw c.notInstalled();
    }
    String version = DebianPackages.installedVersion(c.debianPackage(), dpkgStatus).orElse("unknown");
    Path dir =
        cacheRoot.resolve(
            c.name() + "-" + version.replaceAll("[^A-Za-z0-9.+~-]", "_") + "-rule" + HtmlProse.RULE);
    if (Files.isRegularFile(dir.resolve(CARD))) {
      return dir;
    }
    build(c, c.root(), version, dir);
    return dir;
  }

  /** Extracts {@code root}'s pages into {@code dir} (documents and card). */
  static void build(PackageCorpus c, Path root, String version, Path dir) {
    List<Path> pages = pages(c, root);
    try {
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".");
      long documents = 0;
      long paragraphs = 0;
      long chars = 0;
      long words = 0;
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve(DOCUMENTS)), 1 << 16);
          JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
        for (Path page : pages) {
          List<String> units = HtmlProse.paragraphs(Files.readString(page, StandardCharsets.UTF_8));
          if (units.isEmpty()) {
            continue;
          }
          documents++;
          g.writeStartObject();
          g.writeStringField("id", relative(root, page));
          g.writeArrayFieldStart("units");
          for (String u : units) {
            g.writeString(u);
            paragraphs++;
            chars += u.length();
            words += u.split("\\s+").length;
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeRaw('\n');
        }
      }
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("name", c.name());
      card.put("kind", "corpus");
      card.put("description", c.description());
      card.put("package", c.debianPackage());
      card.put("version", version);
      card.put("licence", c.licence());
      card.put("provenance", "Debian package " + c.debianPackage() + " " + version + ", pages " + root + "/**.html");
      card.put(
          "extraction",
          "rule " + HtmlProse.RULE + ": jsoup; main content ([role=main]) without code, tables, figures and"
              + " navigation; blocks p, div.para, li, dd, blockquote with >= " + HtmlProse.MIN_WORDS
              + " words and >= " + HtmlProse.MIN_LETTER_FRACTION + " letters among non-space characters");
      card.put("excluded", c.excluded());
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("pages", pages.size());
      counts.put("documents", documents);
      counts.put("paragraphs", paragraphs);
      counts.put("characters", chars);
      counts.put("words", words);
      card.put("counts", counts);
      card.put("generatedBy", "org.cptbench.data.corpus.PackageCorpusBuilder (cptbench)");
      Json.writeFile(tmp.resolve(CARD), card);
      AtomicFiles.publicReadable(tmp);
      try {
        AtomicFiles.move(tmp, dir);
      } catch (IOException e) {
        if (!Files.isRegularFile(dir.resolve(CARD))) { // else another process built it first
          throw e;
        }
        try (Stream<Path> s = Files.list(tmp)) {
          for (Path p : s.toList()) {
            Files.delete(p);
          }
        }
        Files.delete(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build corpus " + c.name() + " in " + dir, e);
    }
  }

  private static List<Path> pages(PackageCorpus c, Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> pages =
          walk.filter(Files::isRegularFile).filter(p -> c.includes(relative(root, p))).sorted().toList();
      if (pages.isEmpty()) {
        throw new CptbenchException("corpus " + c.name() + ": no HTML pages under " + root);
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static String relative(Path root, Path page) {
    return root.relativize(page).toString().replace('\\', '/');
  }

  /** The documents of a built corpus folder, in page order. */
  public static List<Document> documents(Path dir) {
    Path file = dir.resolve(DOCUMENTS);
    List<Document> out = new ArrayList<>();
    try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
        MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class).readValues(r)) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        List<String> units = new ArrayList<>();
        n.get("units").forEach(u -> units.add(u.asText()));
        out.add(new Document(n.get("id").asText(), units));
      }
    } catch (IOException | RuntimeException e) {
      throw new CptbenchException(
          file + ": unreadable (" + e.getMessage() + "); delete " + dir + " to build it again", e);
    }
    return out;
  }

  /** The card of a built corpus folder. */
  public static JsonNode card(Path dir) {
    try {
      return Json.MAPPER.readTree(dir.resolve(CARD).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(CARD), e);
    }
  }
}
