package org.cptbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The charts of the seed-averaged scores ({@link Scores}, x100): the search-vs-similarity trade-off over checkpoints
 * and each average against the batch size, with error bars ({@link ScoreIntervals}) and the reference encoders
 * ({@link References}) as labelled points or dashed lines, never as configurations.
 */
final class ScoreCharts {
  private ScoreCharts() {}

  /**
   * x = {@value Scores#STS_AVG}, y = {@value Scores#SEARCH_AVG}, one line per configuration through its checkpoints
   * (ascending step), each point labelled with its step; null when the run lacks sts or search tasks.
   */
  static JFreeChart tradeoff(Scores scores, ConfigLabels labels) {
    return tradeoff(scores, labels, ScoreIntervals.none(scores), References.NONE);
  }

  /** As above, with error bars in both directions and the references (a point, or a line for one measure). */
  static JFreeChart tradeoff(Scores scores, ConfigLabels labels, ScoreIntervals bars, References references) {
    if (!scores.averages().contains(Scores.STS_AVG) || !scores.averages().contains(Scores.SEARCH_AVG)) {
      return null;
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    List<List<String>> labelsOf = new ArrayList<>();
    for (Config c : scores.configs()) {
      XYIntervalSeries s = new XYIntervalSeries(labels.label(c), false, true);
      List<String> steps = new ArrayList<>();
      for (int step : scores.steps(c)) {
        MeanStd x = scores.at(c, step, Scores.STS_AVG);
        MeanStd y = scores.at(c, step, Scores.SEARCH_AVG);
        if (x.present() && y.present()) {
          ScoreIntervals.Bar bx = bars.at(c, step, Scores.STS_AVG);
          ScoreIntervals.Bar by = bars.at(c, step, Scores.SEARCH_AVG);
          s.add(x.mean(), bx == null ? x.mean() : bx.low(), bx == null ? x.mean() : bx.high(),
              y.mean(), by == null ? y.mean() : by.low(), by == null ? y.mean() : by.high());
          steps.add("" + step);
        }
      }
      if (s.getItemCount() > 0) {
        data.addSeries(s);
        labelsOf.add(steps);
      }
    }
    if (data.getSeriesCount() == 0) {
      return null;
    }
    int configSeries = data.getSeriesCount();
    List<String> lines = new ArrayList<>();
    for (String ref : references.names(scores.results())) {
      double x = references.measure(ref, Scores.STS_AVG, scores.results());
      double y = references.measure(ref, Scores.SEARCH_AVG, scores.results());
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        XYIntervalSeries s = new XYIntervalSeries(References.label(ref), false, true);
        s.add(x, x, x, y, y, y);
        data.addSeries(s);
        labelsOf.add(List.of(ref));
      } else if (!Double.isNaN(x) || !Double.isNaN(y)) {
        lines.add(ref);
      }
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Search vs. sentence similarity over training",
            "STS avg (Spearman x100)",
            "Search avg (x100)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultItemLabelGenerator((dataset, series, item) -> labelsOf.get(series).get(item));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setCapLength(4);
    ChartFiles.style(plot, renderer, data.getSeriesCount());
    for (int i = configSeries; i < data.getSeriesCount(); i++) {
      renderer.setSeriesLinesVisible(i, false); // a reference is one point, not a trajectory
      renderer.setSeriesShape(i, new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10));
    }
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    for (String ref : lines) {
      double x = references.measure(ref, Scores.STS_AVG, scores.results());
      double y = references.measure(ref, Scores.SEARCH_AVG, scores.results());
      if (!Double.isNaN(y)) {
        plot.addRangeMarker(marker(References.label(ref), y));
        include((NumberAxis) plot.getRangeAxis(), y);
      } else {
        plot.addDomainMarker(marker(References.label(ref), x));
        include((NumberAxis) plot.getDomainAxis(), x);
      }
    }
    ChartFiles.finish(chart, data.getSeriesCount());
    return chart;
  }

  /** Widens the axis range (fixed from now on) so that a reference line at {@code v} stays in view. */
  private static void include(NumberAxis axis, double v) {
    double lo = Math.min(axis.getLowerBound(), v);
    double hi = Math.max(axis.getUpperBound(), v);
    double pad = Math.max(1, 0.08 * (hi - lo)); // room for the line's label
    axis.setRange(v - pad < axis.getLowerBound() ? v - pad : lo, v + pad > axis.getUpperBound() ? v + pad : hi);
  }

  /** A dashed grey line at a reference's score, labelled with its name and value. */
  private static ValueMarker marker(String label, double value) {
    ValueMarker m = new ValueMarker(value, new Color(0x555555), new BasicStroke(
        1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    m.setLabel(String.format(java.util.Locale.ROOT, "%s (%.1f)", label, value));
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    m.setLabelPaint(new Color(0x333333));
    m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return m;
  }

  /**
   * One average at each configuration's final step against its batch size (log2 axis), one line per setting of the
   * other varying fields (the temperature, in a temperature x batch-size grid); null when the run lacks the measure.
   */
  static JFreeChart vsBatchSize(Scores scores, ConfigLabels labels, String measure) {
    return vsBatchSize(scores, labels, measure, ScoreIntervals.none(scores), References.NONE);
  }

  /** As above, with error bars and a dashed line per reference that has the measure. */
  static JFreeChart vsBatchSize(
      Scores scores, ConfigLabels labels, String measure, ScoreIntervals bars, References references) {
    if (!scores.averages().contains(measure)) {
      return null;
    }
    Map<String, XYIntervalSeries> series = new LinkedHashMap<>();
    for (Config c : scores.configs()) {
      int step = scores.finalStep(c);
      MeanStd v = scores.at(c, step, measure);
      if (v.present()) {
        String key = labels.labelWithoutBatchSize(c);
        ScoreIntervals.Bar bar = bars.at(c, step, measure);
        series.computeIfAbsent(key, k -> new XYIntervalSeries(k, true, true)).add(c.batchSize(), c.batchSize(),
            c.batchSize(), v.mean(), bar == null ? v.mean() : bar.low(), bar == null ? v.mean() : bar.high());
      }
    }
    if (series.isEmpty()) {
      return null;
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    series.values().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            measure + " vs. batch size (final checkpoint)",
            "batch size",
            measure + " (x100)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    LogAxis x = new LogAxis("batch size (log2)");
    x.setBase(2);
    x.setTickUnit(new NumberTickUnit(1));
    x.setNumberFormatOverride(new DecimalFormat("0"));
    x.setSmallestValue(1);
    x.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
    x.setLabelFont(plot.getRangeAxis().getLabelFont());
    plot.setDomainAxis(x);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(true);
    renderer.setDrawXError(false);
    renderer.setCapLength(6);
    ChartFiles.style(plot, renderer, data.getSeriesCount());
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setAutoRangeIncludesZero(false);
    for (String ref : references.names(scores.results())) {
      double v = references.measure(ref, measure, scores.results());
      if (!Double.isNaN(v)) {
        plot.addRangeMarker(marker(References.label(ref), v));
        include(y, v);
      }
    }
    ChartFiles.finish(chart, data.getSeriesCount());
    return chart;
  }
}
