package org.cptbench.report;

import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * One block of a report document, rendered both as Markdown ({@link MarkdownRenderer}) and as self-contained HTML
 * ({@link HtmlRenderer}). Text may contain {@code `code`} spans; everything else is literal.
 */
public sealed interface ReportBlock {

  /** A section heading, level 1 to 4. */
  record Heading(int level, String text) implements ReportBlock {
    public Heading {
      if (level < 1 || level > 4) {
        throw new IllegalArgumentException("heading level must be 1..4, got " + level);
      }
    }
  }

  /** A paragraph of text. */
  record Paragraph(String text) implements ReportBlock {}

  /** A bulleted list. */
  record Bullets(List<String> items) implements ReportBlock {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /**
   * A table: every cell is shown as its column's text ({@code getString}); the cells in {@code bold} are emphasised.
   */
  record TableBlock(Table table, Set<Cell> bold) implements ReportBlock {
    public TableBlock {
      bold = Set.copyOf(bold);
    }

    public TableBlock(Table table) {
      this(table, Set.of());
    }

    /** A cell position: 0-based row and column. */
    public record Cell(int row, int column) {}
  }

  /** Preformatted text shown as is (a configuration file), with its language for Markdown fences. */
  record Code(String language, String text) implements ReportBlock {}

  /** A PNG chart, {@code path} relative to the run folder (e.g. {@code charts/loss.png}). */
  record Image(String path, String caption) implements ReportBlock {}
}
