package org.cptbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.config.SuiteSpec;
import org.cptbench.run.Expectations;
import org.cptbench.run.Suites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code list}, {@code show} and {@code verify}: the suite-level verbs. */
final class SuiteCommands {
  private SuiteCommands() {}

  /** {@code ./harness list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in suites.")
  static final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      for (String name : Suites.BUILTIN) {
        SuiteSpec s = Suites.load(name);
        String desc = s.encoder() == null ? "" : firstComment(Suites.text(name));
        System.out.printf("%-8s %s%n", name, desc);
      }
      System.out.println("(./harness show NAME prints one; ./harness run NAME|FILE runs it)");
      return 0;
    }

    private static String firstComment(String yaml) {
      for (String line : yaml.split("\n")) {
        if (line.startsWith("description:")) {
          return line.substring("description:".length()).trim();
        }
      }
      return "";
    }
  }

  /** {@code ./harness show NAME}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a built-in suite's YAML.")
  static final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "suite name or file")
    String name;

    @Override
    public Integer call() {
      System.out.print(Suites.text(name));
      return 0;
    }
  }

  /** {@code ./harness verify RUN}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Re-check a run's results against its suite's expected bands; exit 1 on any FAIL.")
  static final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run folder")
    Path run;

    @Override
    public Integer call() {
      Path suiteFile = run.resolve("suite.yaml");
      if (!Files.exists(suiteFile) || !Files.exists(run.resolve("results.csv"))) {
        throw new CptbenchException(run + " is not a finished run folder (needs suite.yaml and results.csv)");
      }
      try {
        SuiteSpec suite = SuiteSpec.parse(Files.readString(suiteFile), suiteFile.toString());
        int fails = Expectations.write(run, suite);
        Map<String, Long> counts = Expectations.counts(run);
        System.out.printf("%s: OK %d, FAIL %d, NEW %d, WARN %d%n", run, counts.getOrDefault("OK", 0L),
            counts.getOrDefault("FAIL", 0L), counts.getOrDefault("NEW", 0L), counts.getOrDefault("WARN", 0L));
        Expectations.failures(run).forEach(f -> System.out.println("FAIL " + f));
        Expectations.warnings(run).forEach(w -> System.out.println("WARN " + w));
        return fails > 0 ? 1 : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
