package org.cptbench.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A suite's {@code sweep:}, bound once: one or more grids, each giving every {@link SweepAxis} its list of values
 * (one value when the axis is not swept). A grid is the cartesian product of its axes, the first axis varying
 * slowest. {@code sweep:} is a mapping (one grid) or a list of mappings (arms: the union of their grids, in order,
 * a cell that two arms share counted once), which lets a suite vary one factor at a time around a base cell
 * instead of crossing every factor with every other.
 */
public record Sweep(List<Map<SweepAxis, List<?>>> grids) {

  public Sweep {
    List<Map<SweepAxis, List<?>>> gs = new ArrayList<>();
    for (Map<SweepAxis, List<?>> values : grids) {
      Map<SweepAxis, List<?>> m = new EnumMap<>(SweepAxis.class);
      values.forEach((k, v) -> m.put(k, List.copyOf(v)));
      gs.add(Collections.unmodifiableMap(m));
    }
    grids = List.copyOf(gs);
  }

  /** Binds a {@code sweep:} mapping over the suite's encoder mapping, training settings and repetitions. */
  static Sweep parse(ConfigNode sweep, SweepAxis.Base base) {
    return new Sweep(List.of(grid(sweep, base)));
  }

  /** Binds a {@code sweep:} list of mappings (arms), each over the same base. */
  static Sweep parseArms(List<ConfigNode> arms, SweepAxis.Base base) {
    List<Map<SweepAxis, List<?>>> gs = new ArrayList<>();
    for (ConfigNode arm : arms) {
      gs.add(grid(arm, base));
    }
    return new Sweep(gs);
  }

  private static Map<SweepAxis, List<?>> grid(ConfigNode sweep, SweepAxis.Base base) {
    sweep.allowOnly(SweepAxis.keys());
    Map<SweepAxis, List<?>> m = new EnumMap<>(SweepAxis.class);
    for (SweepAxis a : SweepAxis.values()) {
      m.put(a, a.values(sweep, base));
    }
    return m;
  }

  /** The values of one axis over all grids, each once, in order of first appearance. */
  public List<?> of(SweepAxis axis) {
    LinkedHashSet<Object> out = new LinkedHashSet<>();
    grids.forEach(g -> out.addAll(g.get(axis)));
    return List.copyOf(out);
  }

  /** Every combination of the axes' values of every grid, in expansion order, each distinct cell once. */
  public List<CellParams> cells(CellParams base) {
    LinkedHashSet<CellParams> all = new LinkedHashSet<>();
    for (Map<SweepAxis, List<?>> g : grids) {
      List<CellParams> out = List.of(base);
      for (SweepAxis a : SweepAxis.values()) {
        List<CellParams> next = new ArrayList<>();
        for (CellParams p : out) {
          for (Object v : g.get(a)) {
            next.add(a.apply(p, v));
          }
        }
        out = next;
      }
      all.addAll(out);
    }
    return List.copyOf(all);
  }
}
