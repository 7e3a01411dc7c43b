package org.cptbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Keeps machine-local absolute paths out of a report: the run folder, the data dir, the working directory and the
 * home folder are written relative to the working directory when they lie under it, else by their role
 * ({@value #RUN}, {@value #DATA}, {@code ~}). A committed report then reads the same on every machine.
 */
final class LocalPaths {
  static final String RUN = "RUN";
  static final String DATA = "DATA";

  /** Absolute path to its replacement, longest first (so that a folder inside another one wins). */
  private final List<Map.Entry<Pattern, String>> rules = new ArrayList<>();
  private final String runDir;

  /**
   * @param runDir the run folder
   * @param dataDir the data dir as {@code run.json} records it, or null
   */
  LocalPaths(Path runDir, String dataDir) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Map<String, String> roles = new LinkedHashMap<>();
    Path run = runDir.toAbsolutePath().normalize();
    this.runDir = run.startsWith(cwd) && !run.equals(cwd) ? cwd.relativize(run).toString() : RUN;
    roles.put(run.toString(), this.runDir);
    if (dataDir != null && !dataDir.isBlank()) {
      Path data = Path.of(dataDir).toAbsolutePath().normalize();
      roles.put(data.toString(), data.startsWith(cwd) && !data.equals(cwd) ? cwd.relativize(data).toString() : DATA);
    }
    roles.putIfAbsent(cwd.toString(), ".");
    String home = System.getProperty("user.home");
    if (home != null && !home.isBlank() && !home.equals("/")) {
      roles.putIfAbsent(Path.of(home).toAbsolutePath().normalize().toString(), "~");
    }
    roles.entrySet().stream()
        .filter(e -> e.getKey().length() > 1)
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
        .forEach(e -> rules.add(Map.entry(
            Pattern.compile(Pattern.quote(e.getKey()) + "(?![A-Za-z0-9._-])"), Matcher.quoteReplacement(e.getValue()))));
  }

  /** How the report names the run folder: its path relative to the working directory, else {@value #RUN}. */
  String runDir() {
    return runDir;
  }

  /** {@code text} with every known local path replaced. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<Pattern, String> r : rules) {
      out = r.getKey().matcher(out).replaceAll(r.getValue());
    }
    return out;
  }

  /** A copy of {@code table} with its text cells and column names scrubbed. */
  Table scrub(Table table) {
    Table out = Table.create(table.name());
    for (Column<?> c : table.columns()) {
      if (c instanceof StringColumn s) {
        StringColumn copy = StringColumn.create(scrub(s.name()));
        s.forEach(v -> copy.append(scrub(v)));
        out.addColumns(copy);
      } else {
        out.addColumns(c.copy());
      }
    }
    return out;
  }

  /** The blocks with every text scrubbed. */
  List<ReportBlock> scrub(List<ReportBlock> blocks) {
    List<ReportBlock> out = new ArrayList<>(blocks.size());
    for (ReportBlock b : blocks) {
      out.add(switch (b) {
        case ReportBlock.Heading h -> new ReportBlock.Heading(h.level(), scrub(h.text()));
        case ReportBlock.Paragraph p -> new ReportBlock.Paragraph(scrub(p.text()));
        case ReportBlock.Bullets l -> new ReportBlock.Bullets(l.items().stream().map(this::scrub).toList());
        case ReportBlock.TableBlock t -> new ReportBlock.TableBlock(scrub(t.table()), t.bold());
        case ReportBlock.Code c -> new ReportBlock.Code(c.language(), scrub(c.text()));
        case ReportBlock.Image i -> new ReportBlock.Image(i.path(), scrub(i.caption()));
      });
    }
    return out;
  }
}
