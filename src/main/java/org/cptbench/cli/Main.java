package org.cptbench.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.cptbench.model.MklDispatch;
import org.cptbench.util.OutputErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./harness <verb>}: the command tree. Errors are caught here once and printed as {@code error: ...}. */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "cptbench: train and evaluate contrastive text/code embeddings (cpt-text / cpt-code).",
    subcommands = {
      CommandLine.HelpCommand.class,
      TrainCommand.class,
      PretrainCommand.class,
      TokenizeCommand.class,
      EvalCommand.class,
      EmbedCommand.class,
      ScoreCommand.class,
      CompareCommand.class,
      RunCommand.class,
      CellCommand.class,
      StatusCommand.class,
      SuiteCommands.ListCommand.class,
      SuiteCommands.ShowCommand.class,
      SuiteCommands.VerifyCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      DatasetsCommand.class,
      BenchReportCommand.class,
      ExportCommand.class,
      CorpusCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Lucene logs through java.util.logging (its vector-API notice at INFO); held so the level set here stays. */
  private static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    if (!java.util.Arrays.asList(args).contains("--verbose") && !"1".equals(System.getenv("CPTBENCH_VERBOSE"))) {
      LUCENE.setLevel(java.util.logging.Level.WARNING); // a quiet start: library notices only with --verbose
    }
    // --verbose is the launcher's (it lets libraries' warnings through); any verb accepts it, so drop it here
    args = java.util.Arrays.stream(args).filter(a -> !a.equals("--verbose")).toArray(String[]::new);
    if (args.length > 0 && MODEL_VERBS.contains(args[0])) {
      // before the first matrix multiply: MKL fixes its code path then (see MklDispatch)
      try {
        MklDispatch.Status s = MklDispatch.configure(MklDispatch.modeFromEnvironment());
        if (s.state().equals("failed")) {
          System.err.println("warning: MKL dispatch: " + s + "; matrix multiplies may run at half speed");
        }
      } catch (CptbenchException e) {
        System.err.println("error: " + e.getMessage());
        System.exit(2);
      }
    }
    System.exit(execute(args));
  }

  /** Verbs that run models (and so load libtorch). */
  static final Set<String> MODEL_VERBS = Set.of("train", "pretrain", "eval", "embed", "run", "cell", "bench");

  /** Runs the CLI and returns its exit status (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          Throwable root = ex;
          if (!(ex instanceof CptbenchException) && OutputErrors.explainEscaped(ex) != null) {
            root = OutputErrors.explainEscaped(ex); // a full disk or an unwritable folder, named
          }
          while (!(root instanceof CptbenchException)
              && !(root instanceof UncheckedIOException)
              && root.getCause() != null
              && root.getCause() != root) {
            root = root.getCause();
          }
          if (root instanceof CptbenchException || root instanceof UncheckedIOException) {
            err.println("error: " + root.getMessage());
            if (root instanceof UncheckedIOException u && u.getCause() != null) {
              err.println("  cause: " + u.getCause());
            }
          } else {
            err.println("error: " + ex);
            ex.printStackTrace(err);
          }
          err.flush();
          return 2;
        });
    return cli;
  }

  /** Version string from the jar manifest. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"cptbench " + (v == null ? "dev" : v)};
    }
  }
}
