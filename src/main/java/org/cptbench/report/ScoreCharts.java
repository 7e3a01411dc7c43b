package org.cptbench.report;

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
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of the seed-averaged scores ({@link Scores}, x100): the search-vs-similarity trade-off over checkpoints
 * and each average against the batch size.
 */
final class ScoreCharts {
  private ScoreCharts() {}

  /**
   * x = {@value Scores#STS_AVG}, y = {@value Scores#SEARCH_AVG}, one line per configuration through its checkpoints
   * (ascending step), each point labelled with its step; null when the run lacks sts or search tasks.
   */
  static JFreeChart tradeoff(Scores scores, ConfigLabels labels) {
    if (!scores.averages().contains(Scores.STS_AVG) || !scores.averages().contains(Scores.SEARCH_AVG)) {
      return null;
    }
    XYSeriesCollection data = new XYSeriesCollection();
    List<List<Integer>> stepsOf = new ArrayList<>();
    for (Config c : scores.configs()) {
      XYSeries s = new XYSeries(labels.label(c), false, true);
      List<Integer> steps = new ArrayList<>();
      for (int step : scores.steps(c)) {
        MeanStd x = scores.at(c, step, Scores.STS_AVG);
        MeanStd y = scores.at(c, step, Scores.SEARCH_AVG);
        if (x.present() && y.present()) {
          s.add(x.mean(), y.mean());
          steps.add(step);
        }
      }
      if (!s.isEmpty()) {
        data.addSeries(s);
        stepsOf.add(steps);
      }
    }
    if (data.getSeriesCount() == 0) {
      return null;
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
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setDefaultItemLabelGenerator((dataset, series, item) -> "" + stepsOf.get(series).get(item));
    renderer.setDefaultItemLabelsVisible(true);
    ChartFiles.style(plot, renderer, data.getSeriesCount());
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    ChartFiles.finish(chart, data.getSeriesCount());
    return chart;
  }

  /**
   * One average at each configuration's final step against its batch size (log2 axis), one line per setting of the
   * other varying fields (the temperature, in a temperature x batch-size grid); null when the run lacks the measure.
   */
  static JFreeChart vsBatchSize(Scores scores, ConfigLabels labels, String measure) {
    if (!scores.averages().contains(measure)) {
      return null;
    }
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (Config c : scores.configs()) {
      MeanStd v = scores.at(c, scores.finalStep(c), measure);
      if (v.present()) {
        String key = labels.labelWithoutBatchSize(c);
        series.computeIfAbsent(key, k -> new XYSeries(k, true, true)).add(c.batchSize(), v.mean());
      }
    }
    if (series.isEmpty()) {
      return null;
    }
    XYSeriesCollection data = new XYSeriesCollection();
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
    ChartFiles.style(plot, new XYLineAndShapeRenderer(true, true), data.getSeriesCount());
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    ChartFiles.finish(chart, data.getSeriesCount());
    return chart;
  }
}
