package org.cptbench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A CSV file (RFC 4180: comma separated, fields with commas, quotes or line breaks in double quotes, a quote inside
 * quotes doubled) read by Tablesaw with every column as text, the header checked against the expected one, and each
 * data row mapped back to the physical line where it starts, so that errors name {@code file:line} even when an
 * earlier quoted field spans several lines. Blank lines are skipped (as Tablesaw does). Only the empty field is a
 * missing value: {@code NA} or {@code NaN} stay text.
 */
final class CsvInput {
  private static final Pattern ROW_NUMBER = Pattern.compile("Row number (\\d+)");

  private final Path file;
  private final Table table;
  private final long[] startLines;

  private CsvInput(Path file, Table table, long[] startLines) {
    this.file = file;
    this.table = table;
    this.startLines = startLines;
  }

  /**
   * Reads {@code file}, which must exist and start with exactly {@code header}.
   *
   * @throws CptbenchException naming the file when it is missing, unreadable or its header differs
   * @throws MalformedInputException naming file and line for a row with the wrong number of fields
   */
  static CsvInput read(Path file, List<String> header) {
    return read(file, h -> h.equals(header) ? null : expect(header), String.join(",", header));
  }

  /**
   * Reads {@code file}, whose header {@code headerProblem} accepts (returns null) or explains (returns why not);
   * {@code example} shows a valid header in errors.
   */
  static CsvInput read(
      Path file, java.util.function.Function<List<String>, String> headerProblem, String example) {
    List<String> header = List.of(example.split(","));
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException(file + ": file not found");
    }
    long[] lines = recordStartLines(file);
    if (lines.length == 0) {
      throw new MalformedInputException(file, 1, "empty file; expected the header " + String.join(",", header));
    }
    Table table;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      table =
          Table.read()
              .csv(
                  CsvReadOptions.builder(reader)
                      .columnTypes(name -> ColumnType.STRING)
                      .missingValueIndicator("")
                      .maxCharsPerColumn(1 << 20)
                      .tableName(file.getFileName().toString())
                      .build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (AddCellToColumnException e) {
      throw new MalformedInputException(file, line(lines, e.getRowNumber()), rootMessage(e) + " (" + expect(header) + ")");
    } catch (RuntimeException e) {
      Matcher m = ROW_NUMBER.matcher(String.valueOf(e.getMessage()));
      long line = m.find() ? line(lines, Long.parseLong(m.group(1))) : 1;
      throw new MalformedInputException(file, line, rootMessage(e) + " (" + expect(header) + ")");
    }
    String problem = headerProblem.apply(table.columnNames());
    if (problem != null) {
      throw new MalformedInputException(
          file, lines[0], "header is " + String.join(",", table.columnNames()) + "; " + problem);
    }
    return new CsvInput(file, table, lines);
  }

  private static String expect(List<String> header) {
    return "expected " + header.size() + " fields: " + String.join(",", header);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  /** The physical line of 1-based data row {@code row} (Tablesaw's numbering). */
  private static long line(long[] lines, long row) {
    return row >= 1 && row < lines.length ? lines[(int) row] : lines[lines.length - 1];
  }

  Path file() {
    return file;
  }

  /** The rows, every column a Tablesaw {@code StringColumn}; an empty field reads as "". */
  Table table() {
    return table;
  }

  int rowCount() {
    return table.rowCount();
  }

  String get(int row, String column) {
    return table.stringColumn(column).get(row);
  }

  /** The physical (1-based) line where 0-based data row {@code row} starts. */
  long lineOf(int row) {
    return startLines[row + 1];
  }

  /** An error about 0-based data row {@code row}. */
  MalformedInputException error(int row, String problem) {
    return new MalformedInputException(file, lineOf(row), problem);
  }

  /**
   * The line on which each non-blank record starts (index 0: the header), found by a quote-aware scan: a line break
   * inside double quotes continues the record.
   */
  static long[] recordStartLines(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    long[] starts = new long[16];
    int count = 0;
    long line = 1;
    boolean inQuotes = false;
    boolean recordHasText = false;
    long recordStart = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
      }
      boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
      if (lineBreak) {
        if (!inQuotes) {
          if (recordHasText) {
            if (count == starts.length) {
              starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = recordStart;
          }
          recordHasText = false;
          recordStart = line + 1;
        }
        line++;
      } else if (c != '\r') {
        recordHasText = true;
      }
    }
    if (recordHasText) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count + 1);
      }
      starts[count++] = recordStart;
    }
    return Arrays.copyOf(starts, count);
  }
}
