package org.cptbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cptbench.data.code.CodePairBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./harness datasets build-code --language java|python|javascript --packages P1,P2,... --out DIR}: function-level
 * docstring/code pairs from real packages, CodeSearchNet's filters, splits by package ({@link CodePairBuilder}).
 */
@Command(
    name = "build-code",
    mixinStandardHelpOptions = true,
    description = {
      "Build CodeSearchNet-style docstring/code pairs from real packages, split by package.",
      "java: Maven coordinates group:artifact:version (-sources.jar in ~/.m2); python: installed Debian packages"
          + " (apt-get install python3-...); javascript: npm packages (fetched with npm pack).",
      "Writes DIR/{train,valid,test}.jsonl.gz (CodeSearchNet jsonl), DIR/provenance.json, DIR/counts.json."
    })
final class BuildCodeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--language", required = true, paramLabel = "LANG", description = "java, python or javascript")
  String language;

  @Option(names = "--packages", required = true, split = ",", paramLabel = "P", description = "packages to read")
  List<String> packages;

  @Option(names = "--test", split = ",", paramLabel = "P", description = "packages of the test split (default: automatic, ~20% of the pairs)")
  List<String> test = new ArrayList<>();

  @Option(names = "--valid", split = ",", paramLabel = "P", description = "packages of the valid split (default: automatic, ~10%)")
  List<String> valid = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "13", description = "seed of the automatic split (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "where npm packages are unpacked (default: DIR/.work)")
  Path workDir;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    var counts =
        CodePairBuilder.build(
            new CodePairBuilder.Options(
                language, packages, test, valid, seed, out, workDir == null ? out.resolve(".work") : workDir),
            w);
    w.println(counts.toPrettyString());
    w.flush();
    return 0;
  }
}
