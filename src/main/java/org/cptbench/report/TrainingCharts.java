package org.cptbench.report;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Charts of the training logs: the learned temperature, and loss with in-batch accuracy, per cell over steps. */
final class TrainingCharts {
  private TrainingCharts() {}

  /**
   * exp(tau), the logit scale, over steps for the given cells (those with a learned temperature); null when none.
   *
   * @param labels cell id to legend label
   */
  static JFreeChart tau(List<CellTrainLog> logs, Map<String, String> labels) {
    if (logs.isEmpty()) {
      return null;
    }
    XYSeriesCollection data = series(logs, labels, CellTrainLog::expTau);
    NumberAxis y = new NumberAxis("exp(tau) = 1 / temperature");
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, new NumberAxis("step"), y, null);
    ChartFiles.style(plot, new XYLineAndShapeRenderer(true, false), data.getSeriesCount());
    JFreeChart chart = new JFreeChart("Learned temperature: logit scale exp(tau)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartFiles.finish(chart, data.getSeriesCount());
    return chart;
  }

  /** Training loss (top) and in-batch accuracy (bottom) over steps, one line per cell; null when no logs. */
  static JFreeChart lossAndAccuracy(List<CellTrainLog> logs, Map<String, String> labels) {
    if (logs.isEmpty()) {
      return null;
    }
    XYSeriesCollection loss = series(logs, labels, CellTrainLog::loss);
    XYSeriesCollection acc = series(logs, labels, CellTrainLog::inbatchAcc);
    NumberAxis lossAxis = new NumberAxis("loss");
    lossAxis.setAutoRangeIncludesZero(false);
    XYPlot top = new XYPlot(loss, null, lossAxis, null);
    ChartFiles.style(top, new XYLineAndShapeRenderer(true, false), loss.getSeriesCount());
    XYLineAndShapeRenderer accRenderer = new XYLineAndShapeRenderer(true, false);
    accRenderer.setDefaultSeriesVisibleInLegend(false);
    XYPlot bottom = new XYPlot(acc, null, new NumberAxis("in-batch accuracy"), null);
    ChartFiles.style(bottom, accRenderer, acc.getSeriesCount());
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("step"));
    plot.setGap(8);
    plot.add(top, 3);
    plot.add(bottom, 2);
    JFreeChart chart = new JFreeChart("Training loss and in-batch accuracy", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartFiles.finish(chart, loss.getSeriesCount());
    return chart;
  }

  private static XYSeriesCollection series(
      List<CellTrainLog> logs, Map<String, String> labels, Function<CellTrainLog, double[]> values) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (CellTrainLog log : logs) {
      XYSeries s = new XYSeries(labels.getOrDefault(log.cell(), log.cell()), true, true);
      double[] y = values.apply(log);
      for (int i = 0; i < y.length; i++) {
        if (Double.isFinite(y[i])) {
          s.add(log.step()[i], y[i]);
        }
      }
      data.addSeries(s);
    }
    return data;
  }
}
