package org.cptbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Renders report blocks as one self-contained HTML page: inline CSS, every chart embedded as a
 * {@code data:image/png;base64,...} URI, no scripts, no external resources.
 */
final class HtmlRenderer {
  private static final String CSS =
      """
      body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1200px;
             color: #222; line-height: 1.4; padding: 0 1em; }
      h1 { border-bottom: 2px solid #444; padding-bottom: .2em; }
      h2 { border-bottom: 1px solid #bbb; padding-bottom: .1em; margin-top: 2em; }
      table { border-collapse: collapse; margin: 1em 0; font-size: 90%; }
      th, td { border: 1px solid #ccc; padding: .25em .6em; }
      th { background: #f0f0f0; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tr:nth-child(even) td { background: #fafafa; }
      code { background: #f3f3f3; padding: 0 .2em; }
      pre { background: #f6f6f6; border: 1px solid #ddd; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
      pre code { background: none; padding: 0; }
      td { overflow-wrap: anywhere; }
      figure { margin: 1em 0; }
      figure img { max-width: 100%; border: 1px solid #ddd; }
      figcaption { font-size: 90%; color: #555; }
      """;

  private HtmlRenderer() {}

  /** The page; images are read from {@code baseDir} (the run folder). */
  static String render(String title, List<ReportBlock> blocks, Path baseDir) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    for (ReportBlock block : blocks) {
      switch (block) {
        case ReportBlock.Heading x ->
            h.append("<h").append(x.level()).append('>').append(inline(x.text())).append("</h")
                .append(x.level()).append(">\n");
        case ReportBlock.Paragraph p -> h.append("<p>").append(inline(p.text())).append("</p>\n");
        case ReportBlock.Bullets b -> {
          h.append("<ul>\n");
          b.items().forEach(item -> h.append("<li>").append(inline(item)).append("</li>\n"));
          h.append("</ul>\n");
        }
        case ReportBlock.TableBlock t -> table(h, t);
        case ReportBlock.Code c ->
            h.append("<pre><code>").append(escape(c.text().stripTrailing())).append("</code></pre>\n");
        case ReportBlock.Image i -> image(h, i, baseDir);
      }
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void table(StringBuilder h, ReportBlock.TableBlock block) {
    Table t = block.table();
    h.append("<table>\n<thead><tr>");
    for (String name : t.columnNames()) {
      h.append("<th>").append(escape(name)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < t.rowCount(); r++) {
      h.append("<tr>");
      for (int c = 0; c < t.columnCount(); c++) {
        boolean numeric = !t.column(c).type().equals(ColumnType.STRING) || looksNumeric(t.column(c).getString(r));
        String text = escape(t.column(c).getString(r));
        if (block.bold().contains(new ReportBlock.TableBlock.Cell(r, c))) {
          text = "<strong>" + text + "</strong>";
        }
        h.append(numeric ? "<td class=\"num\">" : "<td>").append(text).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static final Pattern NUMERIC =
      Pattern.compile("~?-?\\d+(\\.\\d+)?( ± \\d+(\\.\\d+)?)?( \\(n=\\d+\\))?|—");

  /** A score cell ({@code 71.3}, {@code ~71.3 ± 1.2 (n=2)}, an em dash) or a plain number: right-aligned. */
  private static boolean looksNumeric(String s) {
    return NUMERIC.matcher(s).matches();
  }

  private static void image(StringBuilder h, ReportBlock.Image image, Path baseDir) {
    byte[] png;
    try {
      png = Files.readAllBytes(baseDir.resolve(image.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read chart " + baseDir.resolve(image.path()), e);
    }
    h.append("<figure><img alt=\"")
        .append(escape(image.caption()))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\"><figcaption>")
        .append(inline(image.caption()))
        .append("</figcaption></figure>\n");
  }

  /** Escapes text and turns {@code `code`} spans into {@code <code>} elements. */
  static String inline(String text) {
    String[] parts = text.split("`", -1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      boolean code = i % 2 == 1 && i < parts.length - 1;
      if (code) {
        s.append("<code>").append(escape(parts[i])).append("</code>");
      } else {
        s.append(i % 2 == 1 ? "`" : "").append(escape(parts[i]));
      }
    }
    return s.toString().replace("\n", "<br>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
