package org.cptbench.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.model.CptEncoder;
import org.cptbench.model.Encoder;
import org.cptbench.model.Encoders;
import org.cptbench.text.Side;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./harness tokenize --encoder E --input FILE [--side x|y]}: prints, for every input text, one line of the
 * space-separated token ids the encoder sees (its tokenizer, the side's delimiters, truncation to maxTokens).
 */
@Command(
    name = "tokenize",
    mixinStandardHelpOptions = true,
    description = {
      "Print the token ids a cptbench encoder sees: one line of space-separated ids per input text, delimiters",
      "included (x: <[> ... <]>, y: <{> ... <}>), truncated to the encoder's maxTokens as when embedding."
    })
public final class TokenizeCommand implements Callable<Integer> {

  @Option(names = "--encoder", required = true, paramLabel = "E", description = "a cptbench checkpoint folder")
  String encoder;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Texts: one per line, or JSONL.")
  Path input;

  @Option(
      names = "--input-format",
      paramLabel = "F",
      defaultValue = "auto",
      description = "lines, jsonl (objects with a string \"text\"), or auto (jsonl for .jsonl names). Default: auto.")
  String inputFormat;

  @Option(names = "--side", paramLabel = "x|y", defaultValue = "x", description = "x (query side, [ ]) or y "
      + "(document side, { }). Default: x.")
  String side;

  @Override
  public Integer call() {
    Side s = EmbedCommand.parseSide(side);
    List<String> texts = EmbedInput.read(input, EmbedInput.Format.parse(inputFormat, input));
    try (Encoder e = Encoders.open(encoder)) {
      if (!(e instanceof CptEncoder cpt)) {
        throw new CptbenchException("--encoder: " + encoder + " is not a cptbench checkpoint; tokenize prints the ids"
            + " of cptbench encoders (a checkpoint folder)");
      }
      int[][] ids = cpt.tokenIds(texts, s);
      PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
      StringBuilder line = new StringBuilder();
      for (int[] row : ids) {
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            line.append(' ');
          }
          line.append(row[i]);
        }
        out.println(line);
      }
      out.flush();
    }
    return 0;
  }
}
