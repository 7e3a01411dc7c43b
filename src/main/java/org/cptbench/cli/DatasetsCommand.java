package org.cptbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.data.DataDir;
import org.cptbench.data.catalog.CardReader;
import org.cptbench.data.catalog.Catalog;
import org.cptbench.data.catalog.DatasetCard;
import org.cptbench.data.catalog.DatasetStatus;
import org.cptbench.data.catalog.Fetcher;
import org.cptbench.data.catalog.HttpDownloader;
import org.cptbench.data.catalog.Importer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./harness datasets list|show|import|verify|fetch|build-code}: the dataset catalog (one YAML card per dataset with its
 * official source, licence, citation, and the sha256, size and line counts of each file) and the data dir
 * ({@code --data-dir}, else {@code CPTBENCH_DATA}, else {@code cache/datasets}).
 */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Dataset catalog: list, show, import a local copy, verify, fetch; build-code builds code-search pairs.",
    subcommands = {
      DatasetsCommand.ListCmd.class,
      DatasetsCommand.ShowCmd.class,
      DatasetsCommand.ImportCmd.class,
      DatasetsCommand.VerifyCmd.class,
      DatasetsCommand.FetchCmd.class,
      BuildCodeCommand.class
    })
public final class DatasetsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options shared by the subcommands. */
  static final class Common {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "data folder (default: $" + DataDir.ENV + ", else " + DataDir.DEFAULT + ")")
    Path dataDir;

    @Option(
        names = "--catalog",
        paramLabel = "DIR",
        description = "read the catalog cards (<name>.yaml) from this folder instead of the built-in ones")
    Path catalogDir;

    Path dataDir() {
      return DataDir.resolve(dataDir);
    }

    Catalog catalog() {
      return catalogDir == null ? Catalog.builtin() : Catalog.fromDirectory(catalogDir);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Table of the catalogued datasets and their state in the data dir.")
  static final class ListCmd implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common = new Common();

    @Option(names = "--no-hash", description = "check presence and sizes only (fast), not sha256 and counts")
    boolean noHash;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = common.dataDir();
      out.println("data dir: " + dir.toAbsolutePath());
      String fmt = "%-28s %-20s %6s  %-9s %s%n";
      out.printf(fmt, "NAME", "KIND", "FILES", "STATE", "FETCH");
      for (DatasetCard card : common.catalog().cards()) {
        DatasetStatus s = DatasetStatus.of(dir, card, !noHash);
        out.printf(
            fmt,
            card.name(),
            card.kind().id(),
            s.present() + "/" + card.files().size(),
            s.state().name().toLowerCase(Locale.ROOT),
            card.filesWithoutDownload().isEmpty() ? "yes" : "import only");
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a dataset's catalog card (YAML).")
  static final class ShowCmd implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common = new Common();

    @Parameters(paramLabel = "NAME", description = "dataset name, e.g. senteval/MR")
    String name;

    @Override
    public Integer call() {
      DatasetCard card = common.catalog().get(name);
      PrintWriter out = spec.commandLine().getOut();
      if (common.catalogDir != null) {
        out.print(read(common.catalogDir.resolve(card.name() + ".yaml")));
      } else {
        String resource = "datasets/" + card.name() + ".yaml";
        try (InputStream in = CardReader.class.getClassLoader().getResourceAsStream(resource)) {
          out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + resource, e);
        }
      }
      out.flush();
      return 0;
    }

    private static String read(Path p) {
      try {
        return Files.readString(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Copy a local copy of the data (DIR/<name>/...) into the data dir, checking every sha256.")
  static final class ImportCmd implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common = new Common();

    @Parameters(paramLabel = "DIR", description = "folder laid out like the data dir, e.g. ../shared/datasets")
    Path source;

    @Option(names = "--only", paramLabel = "NAME", arity = "1..*", description = "import only these datasets")
    List<String> only;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Catalog catalog = common.catalog();
      boolean explicit = only != null && !only.isEmpty();
      Importer.Result r = Importer.run(source, common.dataDir(), catalog.select(only), explicit, out);
      if (!r.absent().isEmpty()) {
        out.println("not in " + source + " (skipped): " + String.join(", ", r.absent()));
      }
      out.println("imported " + r.copied() + " file(s), " + r.skipped() + " already present into " + common.dataDir());
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Re-check sha256, sizes and counts of present datasets (all present ones when no NAME is given).")
  static final class VerifyCmd implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common = new Common();

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "datasets to verify (default: all present)")
    List<String> names;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      boolean explicit = names != null && !names.isEmpty();
      List<String> failures = new ArrayList<>();
      int checked = 0;
      for (DatasetCard card : common.catalog().select(names)) {
        DatasetStatus s = DatasetStatus.of(common.dataDir(), card, true);
        if (s.state() == DatasetStatus.State.MISSING && !explicit) {
          continue;
        }
        checked++;
        if (s.ok()) {
          out.println("ok      " + card.name() + " (" + card.files().size() + " files)");
        } else {
          out.println("FAILED  " + card.name());
          for (String p : s.problems()) {
            err.println("  " + p);
          }
          failures.add(card.name());
        }
      }
      out.flush();
      err.flush();
      if (checked == 0) {
        throw new CptbenchException(
            "no catalogued dataset is present in " + common.dataDir() + "; run `./harness datasets import DIR` first");
      }
      if (!failures.isEmpty()) {
        err.println("error: " + failures.size() + " dataset(s) failed verification: " + String.join(", ", failures));
        err.flush();
        return 1;
      }
      return 0;
    }
  }

  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = "Download datasets over HTTPS (resumable, retried, sha256-checked, archives extracted safely).")
  static final class FetchCmd implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common = new Common();

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "datasets to fetch")
    List<String> names;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      HttpDownloader http = HttpDownloader.standard(spec.commandLine().getErr());
      for (DatasetCard card : common.catalog().select(names)) {
        Fetcher.fetch(card, common.dataDir(), http, out);
      }
      return 0;
    }
  }
}
