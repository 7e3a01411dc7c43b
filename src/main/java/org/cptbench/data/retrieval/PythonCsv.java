package org.cptbench.data.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.cptbench.data.LineReader;

/**
 * TAB-separated records as Python's {@code csv.reader(f, delimiter="\t")} reads them (default dialect: quote char
 * {@code "}, doubled quotes inside quoted fields, {@code strict=False}), which is how DPR reads its QA files and
 * {@code psgs_w100.tsv}: a field is quoted only when it STARTS with {@code "}; inside it {@code ""} is one quote, TABs
 * and line breaks are literal, and after the closing quote any further characters up to the TAB are appended; in an
 * unquoted field quotes are ordinary characters. A quoted field open at the end of the file is an error naming the
 * line where the record started.
 */
final class PythonCsv {
  private final LineReader r;
  private long recordLine;

  PythonCsv(LineReader r) {
    this.r = r;
  }

  /** The line number where the last record returned started. */
  long recordLine() {
    return recordLine;
  }

  /** The fields of the next record, or null at the end of the file. */
  List<String> next() {
    String line = r.next();
    if (line == null) {
      return null;
    }
    recordLine = r.lineNumber();
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int state = 0; // 0 start of field, 1 unquoted, 2 quoted, 3 quote seen inside quoted
    int i = 0;
    while (true) {
      if (i == line.length()) {
        if (state == 2) {
          String more = r.next();
          if (more == null) {
            throw new org.cptbench.data.MalformedInputException(
                r.file(), recordLine, "quoted field opened here is not closed before the end of the file");
          }
          f.append('\n');
          line = more;
          i = 0;
          continue;
        }
        fields.add(f.toString());
        return fields;
      }
      char c = line.charAt(i++);
      switch (state) {
        case 0 -> {
          if (c == '"') {
            state = 2;
          } else if (c == '\t') {
            fields.add("");
          } else {
            f.append(c);
            state = 1;
          }
        }
        case 1 -> {
          if (c == '\t') {
            fields.add(f.toString());
            f.setLength(0);
            state = 0;
          } else {
            f.append(c);
          }
        }
        case 2 -> {
          if (c == '"') {
            state = 3;
          } else {
            f.append(c);
          }
        }
        default -> {
          if (c == '"') {
            f.append('"');
            state = 2;
          } else if (c == '\t') {
            fields.add(f.toString());
            f.setLength(0);
            state = 0;
          } else {
            f.append(c);
            state = 1;
          }
        }
      }
    }
  }
}
