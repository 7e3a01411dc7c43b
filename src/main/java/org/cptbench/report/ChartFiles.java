package org.cptbench.report;

import org.cptbench.util.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;

/** Shared look of the report's JFreeChart charts and their PNG output (800 x 500 pixels, headless). */
final class ChartFiles {
  static final int WIDTH = 800;
  static final int HEIGHT = 500;
  /** Above this many series the legend is left out (it would cover the plot). */
  static final int MAX_LEGEND_ITEMS = 24;

  private ChartFiles() {}

  /** Makes AWT headless unless the user chose otherwise (must run before the first chart is created). */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Series colours: the Tableau 10 palette (distinguishable, no pale yellow on white), then repeated. */
  private static final Paint[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
    new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)
  };

  /** White background, light grid, the {@link #PALETTE}, lines with small shapes, thicker strokes. */
  static void style(XYPlot plot, XYLineAndShapeRenderer renderer, int seriesCount) {
    plot.setDrawingSupplier(
        new DefaultDrawingSupplier(
            PALETTE,
            DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    renderer.setDefaultStroke(new BasicStroke(1.6f));
    renderer.setAutoPopulateSeriesStroke(false);
    for (int i = 0; i < seriesCount; i++) {
      renderer.setSeriesStroke(i, new BasicStroke(1.6f));
    }
    plot.setRenderer(renderer);
  }

  static void finish(JFreeChart chart, int seriesCount) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null && seriesCount > MAX_LEGEND_ITEMS) {
      chart.removeLegend();
    }
  }

  /** Writes the chart as a PNG of {@link #WIDTH} x {@link #HEIGHT}, atomically. */
  static void writePng(JFreeChart chart, Path file) {
    AtomicFiles.write(
        file,
        tmp -> {
          try (OutputStream out = Files.newOutputStream(tmp)) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
          }
        });
  }
}
