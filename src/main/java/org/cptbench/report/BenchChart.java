package org.cptbench.report;

import org.cptbench.util.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The bar chart of a benchmark report: one horizontal bar panel per benchmark method, mode and unit (scores of
 * different units are never on one axis), a bar per parameter combination labelled by the parameters that vary in
 * the panel. A panel whose rows all have a derived rate in the same unit ({@link BenchDerived}, e.g. sequences/s)
 * shows that rate, so that different batch sizes compare; otherwise the JMH score. Error bars: JMH's 99.9%
 * confidence half-width, for a rate scaled by rate / score (the same relative error, first order); the value axis
 * starts at 0 and ends at most at twice the largest value (longer error bars are cut). The panels are
 * stacked into one PNG, {@value #WIDTH} pixels wide.
 */
final class BenchChart {
  static final int WIDTH = 900;
  private static final int PANEL_BASE = 110;
  private static final int PER_BAR = 30;

  private BenchChart() {}

  /** One panel's rows, in table order; {@code rate}: plot the derived rate (in {@code unit}) instead of the score. */
  record Panel(String title, String unit, boolean rate, List<BenchRow> rows) {}

  /** Groups rows by (benchmark, mode, unit), keeping the order of first appearance. */
  static List<Panel> panels(List<BenchRow> rows) {
    Map<String, List<BenchRow>> groups = new LinkedHashMap<>();
    for (BenchRow r : rows) {
      groups.computeIfAbsent(r.benchmark() + "\u0000" + r.mode() + "\u0000" + r.unit(), k -> new ArrayList<>()).add(r);
    }
    List<Panel> out = new ArrayList<>();
    for (List<BenchRow> g : groups.values()) {
      BenchRow first = g.get(0);
      boolean rate =
          g.stream().allMatch(r -> !Double.isNaN(r.rate()) && r.rateUnit().equals(first.rateUnit()));
      out.add(new Panel(
          first.benchmark() + " (" + first.mode() + ")", rate ? first.rateUnit() : first.unit(), rate, g));
    }
    return out;
  }

  /**
   * The bar labels of a panel: only the {@code name=value} pairs that differ between its rows (all of them when
   * none differ), {@code (no params)} when there are none.
   */
  static List<String> labels(List<BenchRow> rows) {
    List<String[]> split = new ArrayList<>();
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (BenchRow r : rows) {
      String[] parts = r.params().isEmpty() ? new String[0] : r.params().split(", ");
      split.add(parts);
      for (String p : parts) {
        int eq = p.indexOf('=');
        values.computeIfAbsent(eq < 0 ? p : p.substring(0, eq), k -> new LinkedHashSet<>()).add(p);
      }
    }
    List<String> labels = new ArrayList<>();
    for (String[] parts : split) {
      List<String> keep = new ArrayList<>();
      for (String p : parts) {
        int eq = p.indexOf('=');
        if (values.get(eq < 0 ? p : p.substring(0, eq)).size() > 1) {
          keep.add(p);
        }
      }
      String label = String.join(", ", keep.isEmpty() ? List.of(parts) : keep);
      labels.add(parts.length == 0 ? "(no params)" : label);
    }
    return labels;
  }

  /** Writes the chart of {@code rows} (at least one) to {@code png}, atomically. */
  static void write(List<BenchRow> rows, Path png) {
    ChartFiles.headless();
    List<Panel> panels = panels(rows);
    int height = 0;
    for (Panel p : panels) {
      height += PANEL_BASE + PER_BAR * p.rows().size();
    }
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      int y = 0;
      for (Panel p : panels) {
        int h = PANEL_BASE + PER_BAR * p.rows().size();
        chart(p).draw(g, new Rectangle2D.Double(0, y, WIDTH, h));
        y += h;
      }
    } finally {
      g.dispose();
    }
    AtomicFiles.write(
        png,
        tmp -> {
          if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IllegalStateException("no PNG writer in this JDK");
          }
        });
  }

  private static JFreeChart chart(Panel p) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    List<String> labels = labels(p.rows());
    double maxValue = 0;
    double maxTop = 0;
    for (int i = 0; i < p.rows().size(); i++) {
      BenchRow r = p.rows().get(i);
      double value = p.rate() ? r.rate() : r.score();
      Number error = Double.isNaN(r.error()) ? null : Double.valueOf(r.error() * value / r.score());
      data.add(Double.valueOf(value), error, "value", labels.get(i));
      maxValue = Math.max(maxValue, value);
      maxTop = Math.max(maxTop, value + (error == null ? 0 : error.doubleValue()));
    }
    boolean time = p.unit().endsWith("/op");
    NumberAxis value = new NumberAxis(p.unit() + (time ? " (lower is better)" : " (higher is better)"));
    // from 0; error bars wider than the largest value itself are cut at twice that value
    double upper = Math.max(1.1 * maxValue, Math.min(1.05 * maxTop, 2 * maxValue));
    value.setRange(0, upper > 0 ? upper : 1);
    StatisticalBarRenderer renderer = new StatisticalBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x4E79A7));
    renderer.setErrorIndicatorPaint(new Color(0x333333));
    renderer.setMaximumBarWidth(0.6);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), value, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    JFreeChart chart = new JFreeChart(p.title(), new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }
}
