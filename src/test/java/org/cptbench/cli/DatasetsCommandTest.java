package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cptbench.data.catalog.CardFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./harness datasets ...} end to end, on a catalog and data written by the test. */
class DatasetsCommandTest {
  @TempDir Path tmp;

  private final Map<String, byte[]> mr = CardFixture.files("pos.txt", "good\nfine\n", "neg.txt", "bad\nawful\nworse");
  private final Map<String, byte[]> sts = CardFixture.files("gs/scores.txt", "5.0\n\n1.2\n");

  private Path catalog() throws IOException {
    Path dir = tmp.resolve("catalog");
    CardFixture.writeCard(dir, CardFixture.card("senti/MR", mr, List.of()));
    CardFixture.writeCard(dir, CardFixture.card("sim/STS", sts, List.of()));
    return dir;
  }

  /** Runs the CLI; returns {exit code, stdout, stderr}. */
  private static String[] cli(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void cliImportListVerifyAndCorruption() throws IOException {
    Path cat = catalog();
    Path src = tmp.resolve("src");
    CardFixture.writeData(src, "senti/MR", mr);
    Path data = tmp.resolve("data");
    String[] imp = cli("datasets", "import", src.toString(), "--only", "senti/MR", "--catalog", cat.toString(), "--data-dir", data.toString());
    assertEquals("0", imp[0], imp[2]);
    assertTrue(imp[1].contains("imported 2 file(s), 0 already present"), imp[1]);

    String[] list = cli("datasets", "list", "--catalog", cat.toString(), "--data-dir", data.toString());
    assertEquals("0", list[0], list[2]);
    assertTrue(list[1].matches("(?s).*senti/MR\\s+classification\\s+2/2\\s+verified\\s+import only.*"), list[1]);
    assertTrue(list[1].matches("(?s).*sim/STS\\s+classification\\s+0/1\\s+missing.*"), list[1]);

    String[] ok = cli("datasets", "verify", "--catalog", cat.toString(), "--data-dir", data.toString());
    assertEquals("0", ok[0], ok[2]);
    assertTrue(ok[1].contains("ok      senti/MR (2 files)"), ok[1]);

    Files.writeString(data.resolve("senti/MR/pos.txt"), "gooD\nfine\n");
    String[] bad = cli("datasets", "verify", "senti/MR", "--catalog", cat.toString(), "--data-dir", data.toString());
    assertEquals("1", bad[0]);
    assertTrue(bad[2].contains(data.resolve("senti/MR/pos.txt") + ": sha256 mismatch: expected " + CardFixture.sha256(mr.get("pos.txt"))), bad[2]);

    Files.writeString(data.resolve("senti/MR/pos.txt"), "good\nfine\n\n");
    String[] size = cli("datasets", "verify", "--catalog", cat.toString(), "--data-dir", data.toString());
    assertEquals("1", size[0]);
    assertTrue(size[2].contains("pos.txt: size 11 bytes, expected 10"), size[2]);

    String[] missing = cli("datasets", "verify", "sim/STS", "--catalog", cat.toString(), "--data-dir", data.toString());
    assertEquals("1", missing[0]);
    assertTrue(missing[2].contains("scores.txt: missing"), missing[2]);
  }

  @Test
  void cliShowPrintsTheCardAndUnknownNamesListTheCatalog() throws IOException {
    Path cat = catalog();
    String[] show = cli("datasets", "show", "sim/STS", "--catalog", cat.toString());
    assertEquals("0", show[0], show[2]);
    assertTrue(show[1].contains("name: \"sim/STS\"") || show[1].contains("name: sim/STS"), show[1]);
    String[] unknown = cli("datasets", "verify", "nope", "--catalog", cat.toString());
    assertEquals("2", unknown[0]);
    assertTrue(unknown[2].contains("error: unknown dataset 'nope'; catalogued: senti/MR, sim/STS"), unknown[2]);
  }

  @Test
  void builtinCatalogListsWithoutData() {
    String[] list = cli("datasets", "list", "--no-hash", "--data-dir", tmp.resolve("empty").toString());
    assertEquals("0", list[0], list[2]);
    assertTrue(list[1].matches("(?s).*senteval/MR\\s+classification\\s+0/2\\s+missing\\s+yes.*"), list[1]);
    assertTrue(list[1].matches("(?s).*\\bcode\\s+code-search\\s+0/1\\s+missing\\s+import only.*"), list[1]);
    String[] show = cli("datasets", "show", "sts/STSBenchmark");
    assertTrue(show[1].contains("url: http://ixa2.si.ehu.es/stswiki/images/4/48/Stsbenchmark.tar.gz"), show[1]);
  }
}
