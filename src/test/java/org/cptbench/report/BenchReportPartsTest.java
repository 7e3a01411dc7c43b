package org.cptbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the JMH report: JSON reading, unit conversion, CSV round trip, ordering, labels, machine info. */
class BenchReportPartsTest {
  @TempDir Path dir;

  private static final Instant T = Instant.parse("2025-11-01T10:00:00Z");

  @Test
  void readsJmhJson() throws IOException {
    Path f = JmhFixtures.write(dir.resolve("r.json"), T, JmhFixtures.exactSearch("20000", "2.5"), JmhFixtures.PROBE);
    List<JmhResult> rs = JmhJson.read(f);
    assertEquals(2, rs.size());
    JmhResult a = rs.get(0);
    assertEquals("org.cptbench.bench.ExactSearchBenchmark.search", a.benchmark());
    assertEquals("ExactSearchBenchmark.search", a.shortName());
    assertEquals(List.of("dim", "docs", "k", "queries", "threads"), List.copyOf(a.params().keySet()));
    assertEquals("dim=256, docs=20000, k=100, queries=1000, threads=2", a.paramsText());
    assertEquals(0.25, a.error());
    assertEquals(List.of("-Xmx12g", "--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"), a.jvmArgs());
    assertTrue(Double.isNaN(rs.get(1).error()));
  }

  @Test
  void jmhJsonErrorsNameTheLine() throws IOException {
    Path syntax = dir.resolve("syntax.json");
    Files.writeString(syntax, "[\n  {\n    \"benchmark\" : \"a.B.c\",,\n  }\n]\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> JmhJson.read(syntax));
    assertEquals(3, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());

    Path object = dir.resolve("object.json");
    Files.writeString(object, "{ \"benchmark\" : \"a.B.c\" }\n");
    e = assertThrows(MalformedInputException.class, () -> JmhJson.read(object));
    assertEquals(object + ":1: expected a JSON array of JMH results (JMH -rf json)", e.getMessage());

    Path score = dir.resolve("score.json");
    Files.writeString(score, "[\n" + JmhFixtures.entry("a.B.c", "thrpt", "{}", "\"NaN\"", "0", "ops/s") + "\n]");
    e = assertThrows(MalformedInputException.class, () -> JmhJson.read(score));
    assertEquals(
        score + ":2: result 0 (a.B.c): primaryMetric.score is \"NaN\"; expected a number", e.getMessage());

    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "[ ]\n");
    CptbenchException c = assertThrows(CptbenchException.class, () -> JmhJson.read(empty));
    assertEquals(empty + ": no benchmark results (did every benchmark fail?)", c.getMessage());
  }

  @Test
  void convertsScoresToOpsPerSecond() {
    assertEquals(3e6, BenchDerived.opsPerSecond(3, "ops/us"), 1e-3);
    assertEquals(2.0, BenchDerived.opsPerSecond(500, "ms/op"), 1e-12);
    assertEquals(0.5, BenchDerived.opsPerSecond(2, "s/op"), 1e-12);
    assertEquals(1e9 / 40, BenchDerived.opsPerSecond(40, "ns/op"), 1e-3);
    assertEquals(2.0, BenchDerived.opsPerSecond(120, "ops/min"), 1e-12);
    assertTrue(Double.isNaN(BenchDerived.opsPerSecond(1, "B/op")));
    assertTrue(Double.isNaN(BenchDerived.opsPerSecond(1, "ops")));
  }

  @Test
  void derivedValuesPerBenchmark() {
    // InfoNCE m = 1024, dim 256 at 4 ops/s: pairs/s 4096; GFLOP/s = 6 * 1024^2 * 256 * 4 / 1e9 = 6.442450944
    BenchDerived d =
        BenchDerived.of("org.cptbench.bench.InfoNceBenchmark.forwardBackward", Map.of("m", "1024", "dim", "256"), 4,
            "ops/s");
    assertEquals(4096, d.rate(), 1e-9);
    assertEquals(6.442450944, d.gflops(), 1e-12);
    // dot product, length 768 at 20 ops/us: 2 * 768 * 2e7 / 1e9 = 30.72 GFLOP/s, no rate
    d = BenchDerived.of("x.DotProductBenchmark.vector", Map.of("length", "768"), 20, "ops/us");
    assertEquals(30.72, d.gflops(), 1e-9);
    assertTrue(Double.isNaN(d.rate()));
    assertEquals("", d.rateUnit());
    // an unknown preset or a missing param: undefined, not an error
    d = BenchDerived.of("x.EncoderForwardBenchmark.embedTokens", Map.of("batch", "8", "preset", "huge"), 1, "ops/s");
    assertEquals(8, d.rate(), 0);
    assertTrue(Double.isNaN(d.gflops()));
    d = BenchDerived.of("x.TokenizerBenchmark.encode", Map.of(), 1, "ops/s");
    assertTrue(Double.isNaN(d.rate()));
    assertEquals("", d.rateUnit());
  }

  private static BenchRow row(String benchmark, String params, double score) {
    return new BenchRow(benchmark, params, "thrpt", score, Double.NaN, "ops/s", Double.NaN, "", Double.NaN, T,
        "25", "1.37", "cpu, with comma");
  }

  @Test
  void csvRoundTripKeepsValuesAndUndefinedNumbers() {
    Path csv = dir.resolve("results.csv");
    BenchRow a = new BenchRow("A.b", "n=1", "avgt", 0.1 + 0.2, 1e-7, "ms/op", 12345.678901234567, "texts/s",
        Double.NaN, T, "25.0.3 \"quoted\" VM", "1.37", "Intel(R) Xeon(R), 2.1 GHz");
    BenchRow b = row("A.b", "", 3);
    BenchResults.write(csv, List.of(a, b));
    assertEquals(List.of(a, b), BenchResults.read(csv));
  }

  @Test
  void csvErrorsNameFileAndLine() throws IOException {
    Path csv = dir.resolve("results.csv");
    BenchResults.write(csv, List.of(row("A.b", "n=1", 1), row("A.b", "n=2", 2)));
    Files.writeString(csv, Files.readString(csv).replace(",2.0,", ",two,"));
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> BenchResults.read(csv));
    assertEquals(csv + ":3: score: 'two' is not a number (empty for undefined)", e.getMessage());

    Files.writeString(csv, "benchmark,score\nA.b,1\n");
    e = assertThrows(MalformedInputException.class, () -> BenchResults.read(csv));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("header is benchmark,score"), e.getMessage());
  }

  @Test
  void ordersParamsNumericallyAndMergesByKey() {
    BenchRow b32 = row("E.f", "batch=32, preset=tiny", 1);
    BenchRow b128 = row("E.f", "batch=128, preset=tiny", 2);
    BenchRow b509 = row("E.f", "batch=509, preset=tiny", 3);
    BenchRow other = row("A.b", "", 4);
    assertEquals(List.of(other, b32, b128, b509), BenchResults.merge(List.of(b509, b32), List.of(b128, other)));
    // equal times: the newer list wins; an older time never replaces a newer one
    BenchRow again = row("E.f", "batch=32, preset=tiny", 9);
    assertEquals(9, BenchResults.merge(List.of(b32), List.of(again)).get(0).score());
    BenchRow older =
        new BenchRow("E.f", "batch=32, preset=tiny", "thrpt", 7, Double.NaN, "ops/s", Double.NaN, "", Double.NaN,
            T.minusSeconds(1), "", "", "");
    assertEquals(1, BenchResults.merge(List.of(b32), List.of(older)).get(0).score());
  }

  @Test
  void formatsFourSignificantDigits() {
    assertEquals("1235000", BenchResults.format(1234567.0));
    assertEquals("69.34", BenchResults.format(69.33669570083019));
    assertEquals("0.001235", BenchResults.format(0.0012345));
    assertEquals("2500", BenchResults.format(2500.0));
    assertEquals("—", BenchResults.format(Double.NaN));
  }

  @Test
  void chartLabelsShowOnlyTheParamsThatVary() {
    List<BenchRow> rows =
        List.of(row("E.f", "batch=32, preset=tiny", 1), row("E.f", "batch=128, preset=tiny", 2));
    assertEquals(List.of("batch=32", "batch=128"), BenchChart.labels(rows));
    assertEquals(List.of("batch=32, preset=tiny"), BenchChart.labels(rows.subList(0, 1)));
    assertEquals(List.of("(no params)"), BenchChart.labels(List.of(row("A.b", "", 1))));
  }

  @Test
  void machineInfoFromCpuinfo() throws IOException {
    Path cpuinfo = dir.resolve("cpuinfo");
    Files.writeString(
        cpuinfo,
        "processor\t: 0\nmodel name\t: Test CPU @ 2.00GHz\nflags\t\t: avx2\n\n"
            + "processor\t: 1\nmodel name\t: Test CPU @ 2.00GHz\n\n");
    MachineInfo m = MachineInfo.of(cpuinfo, Map.of("ATEN_CPU_CAPABILITY", "avx512"), 1);
    assertEquals("Test CPU @ 2.00GHz, 2 logical CPUs (1 available to the JVM)", m.hardware());
    assertEquals(
        "`GLIBC_TUNABLES=unset`, `ATEN_CPU_CAPABILITY=avx512`, `OMP_NUM_THREADS=unset`", m.environment());
    MachineInfo none = MachineInfo.of(dir.resolve("absent"), Map.of(), 4);
    assertEquals("unknown CPU, 4 logical CPUs (4 available to the JVM)", none.hardware());
  }
}
