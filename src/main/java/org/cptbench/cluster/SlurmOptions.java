package org.cptbench.cluster;

import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.config.ConfigNode;

/**
 * Where and how each cell runs on a Slurm cluster: a suite's {@code slurm:} mapping, or {@code ./harness run
 * --executor slurm} options (which win over the suite's). Every value is checked against Slurm's own syntax here,
 * so that a typo fails before anything is submitted; null means "Slurm's default" (the option is not passed).
 *
 * <pre>
 * slurm:
 *   partition: gpu          # sbatch --partition
 *   time: "2:00:00"         # --time: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS
 *   cpusPerTask: 8          # --cpus-per-task (also the intra-op threads of each cell's JVM)
 *   mem: 32G                # --mem: a number with an optional K, M, G or T suffix
 *   gres: "gpu:1"           # --gres: name[:type]:count, comma-separated
 *   account: my-project     # --account
 *   sbatchArgs: ["--qos=high", "--constraint=a100"]   # passed to sbatch as they are, after the options above
 * </pre>
 *
 * @param cpusPerTask null or at least 1
 * @param sbatchArgs extra sbatch arguments, each one argument (no shell splitting)
 */
public record SlurmOptions(
    String partition, String time, Integer cpusPerTask, String mem, String gres, String account,
    List<String> sbatchArgs) {

  /** The keys of a suite's {@code slurm:} mapping. */
  public static final String[] KEYS = {"partition", "time", "cpusPerTask", "mem", "gres", "account", "sbatchArgs"};

  /** No options: Slurm's defaults. */
  public static final SlurmOptions DEFAULTS = new SlurmOptions(null, null, null, null, null, null, List.of());

  private static final String NAME = "[A-Za-z0-9._-]+";
  private static final String TIME =
      "\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}:\\d{1,2}";
  private static final String MEM = "\\d+[KMGTkmgt]?";
  private static final String GRES = "[A-Za-z0-9_]+(:[A-Za-z0-9_.-]+)?(:\\d+)?(,[A-Za-z0-9_]+(:[A-Za-z0-9_.-]+)?(:\\d+)?)*";

  public SlurmOptions {
    check("partition", partition, NAME, "letters, digits, '.', '_', '-' (a partition name, see sinfo)");
    check("time", time, TIME, "minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. 90, 2:00:00, 1-12)");
    check("mem", mem, MEM, "a number with an optional K, M, G or T suffix (e.g. 16G)");
    check("gres", gres, GRES, "name[:type]:count, comma-separated (e.g. gpu:1, gpu:a100:2)");
    check("account", account, NAME, "letters, digits, '.', '_', '-' (an account name, see sacctmgr)");
    if (cpusPerTask != null && (cpusPerTask < 1 || cpusPerTask > 4096)) {
      throw new CptbenchException("cpusPerTask: " + cpusPerTask + " must be in 1..4096");
    }
    sbatchArgs = List.copyOf(sbatchArgs == null ? List.of() : sbatchArgs);
    for (String a : sbatchArgs) {
      if (!a.startsWith("-")) {
        throw new CptbenchException("sbatchArgs: '" + a + "' is not an sbatch option; each element is one option"
            + " such as --qos=high or --constraint=a100 (write an option and its value as one element, joined by =)");
      }
    }
  }

  private static void check(String key, String value, String pattern, String allowed) {
    if (value != null && !value.matches(pattern)) {
      throw new CptbenchException(key + ": '" + value + "' is not valid; allowed: " + allowed);
    }
  }

  /**
   * Binds a suite's {@code slurm:} mapping; errors name the file, the key, the value and what is allowed.
   */
  public static SlurmOptions parse(ConfigNode n) {
    n.allowOnly(KEYS);
    try {
      return new SlurmOptions(
          n.has("partition") ? n.getString("partition", null) : null,
          n.has("time") ? n.getString("time", null) : null,
          n.has("cpusPerTask") ? n.getInt("cpusPerTask", 1) : null,
          n.has("mem") ? n.getString("mem", null) : null,
          n.has("gres") ? n.getString("gres", null) : null,
          n.has("account") ? n.getString("account", null) : null,
          n.getStringList("sbatchArgs", List.of()));
    } catch (CptbenchException e) {
      String m = e.getMessage();
      throw m.startsWith(n.source()) ? e : new CptbenchException(n.source() + ": " + n.key(m), e);
    }
  }

  /** These options with every non-null value of {@code over} in place of this one's; sbatchArgs are appended. */
  public SlurmOptions overriddenBy(SlurmOptions over) {
    List<String> args = new ArrayList<>(sbatchArgs);
    args.addAll(over.sbatchArgs);
    return new SlurmOptions(
        over.partition != null ? over.partition : partition,
        over.time != null ? over.time : time,
        over.cpusPerTask != null ? over.cpusPerTask : cpusPerTask,
        over.mem != null ? over.mem : mem,
        over.gres != null ? over.gres : gres,
        over.account != null ? over.account : account,
        args);
  }

  /** The sbatch arguments of these options, in a fixed order. */
  public List<String> sbatchArguments() {
    List<String> a = new ArrayList<>();
    if (partition != null) {
      a.add("--partition=" + partition);
    }
    if (account != null) {
      a.add("--account=" + account);
    }
    if (time != null) {
      a.add("--time=" + time);
    }
    if (cpusPerTask != null) {
      a.add("--cpus-per-task=" + cpusPerTask);
    }
    if (mem != null) {
      a.add("--mem=" + mem);
    }
    if (gres != null) {
      a.add("--gres=" + gres);
    }
    a.addAll(sbatchArgs);
    return a;
  }
}
