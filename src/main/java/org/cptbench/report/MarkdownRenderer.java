package org.cptbench.report;

import java.util.List;
import tech.tablesaw.api.Table;

/** Renders report blocks as GitHub-flavoured Markdown (pipe tables, images as relative links). */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  static String render(List<ReportBlock> blocks) {
    StringBuilder md = new StringBuilder();
    for (ReportBlock block : blocks) {
      switch (block) {
        case ReportBlock.Heading h -> md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
        case ReportBlock.Paragraph p -> md.append(p.text()).append("\n\n");
        case ReportBlock.Bullets b -> {
          b.items().forEach(item -> md.append("- ").append(item.replace('\n', ' ')).append('\n'));
          md.append('\n');
        }
        case ReportBlock.TableBlock t -> table(md, t);
        case ReportBlock.Code c -> {
          String fence = c.text().contains("```") ? "~~~~" : "```";
          md.append(fence).append(c.language()).append('\n').append(c.text().stripTrailing()).append('\n')
              .append(fence).append("\n\n");
        }
        case ReportBlock.Image i -> md.append("![").append(i.caption()).append("](").append(i.path()).append(")\n\n");
      }
    }
    return md.toString();
  }

  private static void table(StringBuilder md, ReportBlock.TableBlock block) {
    Table t = block.table();
    md.append('|');
    for (String name : t.columnNames()) {
      md.append(' ').append(cell(name)).append(" |");
    }
    md.append("\n|");
    for (int c = 0; c < t.columnCount(); c++) {
      md.append(t.column(c).type().equals(tech.tablesaw.api.ColumnType.STRING) ? " --- |" : " ---: |");
    }
    md.append('\n');
    for (int r = 0; r < t.rowCount(); r++) {
      md.append('|');
      for (int c = 0; c < t.columnCount(); c++) {
        String text = cell(t.column(c).getString(r));
        boolean bold = block.bold().contains(new ReportBlock.TableBlock.Cell(r, c));
        md.append(' ').append(bold && !text.isEmpty() ? "**" + text + "**" : text).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** A table cell: one line, pipes escaped. */
  private static String cell(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
  }
}
