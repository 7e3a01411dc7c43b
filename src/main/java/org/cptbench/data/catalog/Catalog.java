package org.cptbench.data.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;

/**
 * The dataset catalog: cards by name. The built-in catalog is the classpath resources
 * {@code datasets/<name>.yaml} listed in {@value #INDEX}; {@link #fromDirectory} reads the {@code *.yaml} cards of
 * a folder instead (a user's own catalog). A card's name must equal its path relative to the catalog root without
 * {@code .yaml}.
 */
public final class Catalog {
  /** The classpath resource listing the built-in cards, one name a line ({@code #} comments). */
  public static final String INDEX = "datasets/index.txt";

  private static volatile Catalog builtin;

  private final Map<String, DatasetCard> cards;

  public Catalog(List<DatasetCard> cards) {
    Map<String, DatasetCard> map = new LinkedHashMap<>();
    for (DatasetCard c : cards) {
      if (map.put(c.name(), c) != null) {
        throw new CptbenchException("catalog: two cards named " + c.name());
      }
    }
    this.cards = map;
  }

  /** The cards shipped with cptbench. */
  public static Catalog builtin() {
    Catalog c = builtin;
    if (c == null) {
      c = loadBuiltin();
      builtin = c;
    }
    return c;
  }

  private static Catalog loadBuiltin() {
    ClassLoader loader = Catalog.class.getClassLoader();
    List<DatasetCard> cards = new ArrayList<>();
    for (String name : readIndex(loader)) {
      String resource = "datasets/" + name + ".yaml";
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new CptbenchException(INDEX + " lists " + name + " but resource " + resource + " is missing");
        }
        cards.add(checkName(CardReader.read(in, resource), name, resource));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return new Catalog(cards);
  }

  private static List<String> readIndex(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new CptbenchException("resource " + INDEX + " is missing from the classpath");
      }
      List<String> names = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          names.add(s);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
  }

  /** The cards {@code <dir>/<name>.yaml} of a folder (recursively), sorted by name. */
  public static Catalog fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CptbenchException("catalog folder not found: " + dir);
    }
    List<DatasetCard> cards = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        cards.add(checkName(CardReader.read(p), rel.substring(0, rel.length() - ".yaml".length()), p.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (cards.isEmpty()) {
      throw new CptbenchException(dir + ": no *.yaml catalog cards");
    }
    return new Catalog(cards);
  }

  private static DatasetCard checkName(DatasetCard card, String expected, String source) {
    if (!card.name().equals(expected)) {
      throw new CptbenchException(
          source + ": name '" + card.name() + "' does not match the card's path (expected name: " + expected + ")");
    }
    return card;
  }

  public List<DatasetCard> cards() {
    return List.copyOf(cards.values());
  }

  public List<String> names() {
    return List.copyOf(cards.keySet());
  }

  /** The card with this name; the error lists the known names. */
  public DatasetCard get(String name) {
    DatasetCard c = cards.get(name);
    if (c == null) {
      throw new CptbenchException("unknown dataset '" + name + "'; catalogued: " + String.join(", ", cards.keySet()));
    }
    return c;
  }

  /** The card with this name, or null when none. */
  public DatasetCard find(String name) {
    return cards.get(name);
  }

  /** The named cards (all when {@code names} is null or empty), in catalog order for "all". */
  public List<DatasetCard> select(List<String> names) {
    if (names == null || names.isEmpty()) {
      return cards();
    }
    return names.stream().map(this::get).toList();
  }
}
