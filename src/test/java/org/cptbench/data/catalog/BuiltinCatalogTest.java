package org.cptbench.data.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.TestData;
import org.junit.jupiter.api.Test;

class BuiltinCatalogTest {
  @Test
  void everyCardResourceIsIndexedAndValid() throws IOException, URISyntaxException {
    Catalog c = Catalog.builtin();
    Path root = Path.of(Catalog.class.getClassLoader().getResource(Catalog.INDEX).toURI()).getParent();
    List<String> onDisk = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".yaml"))
          .forEach(p -> {
            String rel = root.relativize(p).toString().replace('\\', '/');
            onDisk.add(rel.substring(0, rel.length() - 5));
          });
    }
    assertEquals(onDisk.stream().sorted().toList(), c.names().stream().sorted().toList());
    assertTrue(c.names().containsAll(List.of("senteval/MR", "sts/STSBenchmark", "beir/msmarco-dl19-mini", "openqa/nq-open")));
    assertEquals(30, c.names().size());
    assertEquals(DatasetKind.CLASSIFICATION, c.get("senteval/MR").kind());
    assertEquals(5331L, c.get("senteval/MR").file("rt-polarity.pos").lines());
    assertEquals(List.of("europarl.lines.en.txt"), c.get("corpora/europarl-lucene").filesWithoutDownload());
  }

  /** The catalog states exactly the bytes of the shared copy of the data (skipped when it is absent). */
  @Test
  void everyCardMatchesTheSharedData() {
    Path data = TestData.dir();
    List<String> problems = new ArrayList<>();
    for (DatasetCard card : Catalog.builtin().cards()) {
      DatasetStatus s = DatasetStatus.of(data, card, true);
      if (s.state() != DatasetStatus.State.VERIFIED) {
        problems.add(card.name() + " " + s.state() + " " + s.problems());
      }
    }
    assertEquals(List.of(), problems);
  }
}
