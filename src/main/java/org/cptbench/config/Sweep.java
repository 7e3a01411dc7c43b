package org.cptbench.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A suite's {@code sweep:}, bound once: for every {@link SweepAxis} the list of its values (one value when the axis
 * is not swept). The grid is their cartesian product, the first axis varying slowest.
 */
public record Sweep(Map<SweepAxis, List<?>> values) {

  public Sweep {
    Map<SweepAxis, List<?>> m = new EnumMap<>(SweepAxis.class);
    values.forEach((k, v) -> m.put(k, List.copyOf(v)));
    values = Collections.unmodifiableMap(m);
  }

  /** Binds a {@code sweep:} mapping over the suite's encoder mapping, training settings and repetitions. */
  static Sweep parse(ConfigNode sweep, SweepAxis.Base base) {
    sweep.allowOnly(SweepAxis.keys());
    Map<SweepAxis, List<?>> m = new EnumMap<>(SweepAxis.class);
    for (SweepAxis a : SweepAxis.values()) {
      m.put(a, a.values(sweep, base));
    }
    return new Sweep(m);
  }

  /** The values of one axis. */
  public List<?> of(SweepAxis axis) {
    return values.get(axis);
  }

  /** Every combination of the axes' values, in expansion order. */
  public List<CellParams> cells(CellParams base) {
    List<CellParams> out = List.of(base);
    for (SweepAxis a : SweepAxis.values()) {
      List<CellParams> next = new ArrayList<>();
      for (CellParams p : out) {
        for (Object v : values.get(a)) {
          next.add(a.apply(p, v));
        }
      }
      out = next;
    }
    return out;
  }
}
