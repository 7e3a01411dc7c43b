package org.cptbench.data.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;

/**
 * Receives documents one at a time in file order and keeps either all of them or, under a {@link CorpusSampling},
 * the judged ones plus a seeded reservoir sample of the others. Duplicate ids among kept documents are an error naming
 * the file and line.
 */
final class CorpusCollector {
  private record Doc(long position, String id, String text, String body) {}

  private final Path file;
  private final CorpusSampling sampling;
  private final Set<String> judged;
  private final SplittableRandom random;
  private final List<Doc> kept = new ArrayList<>();
  private final List<Doc> reservoir = new ArrayList<>();
  private final Map<String, Long> seenLines = new HashMap<>();
  private long position;
  private long others;
  private int judgedKept;
  private Boolean withBodies;

  CorpusCollector(Path file, CorpusSampling sampling, Set<String> judged) {
    this.file = file;
    this.sampling = sampling;
    this.judged = judged;
    this.random = new SplittableRandom(sampling.seed());
  }

  void add(LineReader r, String id, String text) {
    add(r, id, text, null);
  }

  /** Adds a document whose {@code body} (text without title, see {@link RetrievalCorpus#bodies()}) is kept too. */
  void add(LineReader r, String id, String text, String body) {
    boolean hasBody = body != null;
    if (withBodies != null && withBodies != hasBody) {
      throw new IllegalStateException("documents of one corpus must all have a body or none");
    }
    withBodies = hasBody;
    long pos = position++;
    if (sampling.keepAll() || judged.contains(id)) {
      checkNew(r, id);
      kept.add(new Doc(pos, id, text, body));
      if (judged.contains(id)) {
        judgedKept++;
      }
      return;
    }
    long k = others++;
    int n = sampling.distractors();
    if (k < n) {
      reservoir.add(new Doc(pos, id, text, body));
    } else if (n > 0) {
      long j = random.nextLong(k + 1);
      if (j < n) {
        reservoir.set((int) j, new Doc(pos, id, text, body));
      }
    }
  }

  private void checkNew(LineReader r, String id) {
    Long prev = seenLines.putIfAbsent(id, r.lineNumber());
    if (prev != null) {
      throw r.error("duplicate document id '" + id + "' (first at line " + prev + ")");
    }
  }

  RetrievalCorpus build() {
    List<Doc> all = new ArrayList<>(kept);
    Subsample sub = null;
    if (!sampling.keepAll()) {
      for (Doc d : reservoir) {
        if (seenLines.containsKey(d.id())) {
          throw new CptbenchException(
              file + ": duplicate document id '" + d.id() + "' (also at line " + seenLines.get(d.id()) + ")");
        }
      }
      all.addAll(reservoir);
      all.sort(Comparator.comparingLong(Doc::position));
      sub = new Subsample(position, judgedKept, reservoir.size(), sampling.seed());
    }
    List<String> ids = new ArrayList<>(all.size());
    List<String> texts = new ArrayList<>(all.size());
    List<String> bodies = Boolean.TRUE.equals(withBodies) ? new ArrayList<>(all.size()) : null;
    for (Doc d : all) {
      ids.add(d.id());
      texts.add(d.text());
      if (bodies != null) {
        bodies.add(d.body());
      }
    }
    try {
      return new RetrievalCorpus(ids, texts, bodies, sub);
    } catch (IllegalArgumentException e) {
      throw new CptbenchException(file + ": " + e.getMessage(), e);
    }
  }
}
