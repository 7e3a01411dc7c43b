package org.cptbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing what squeue and sacct print. */
class SlurmQueueTest {
  @Test
  void squeueLinesOfOurJobsOnly() {
    String out = """
        12_0|RUNNING|1:02|None
        12_[1-3,5%2]|PENDING|0:00|JobArrayTaskLimit
        99_0|RUNNING|5:00|None
        13|PENDING|0:00|Dependency
        """;
    Map<String, SlurmQueue.Entry> m = SlurmQueue.parse(out, Set.of("12", "13"));
    assertEquals(List.of("12_0", "12_1", "12_2", "12_3", "12_5", "13"), List.copyOf(m.keySet()));
    assertEquals(new SlurmQueue.Entry("12_0", "RUNNING", "1:02", "None"), m.get("12_0"));
    assertEquals("JobArrayTaskLimit", m.get("12_5").detail());
    assertTrue(m.get("12_2").active());
  }

  @Test
  void sacctStates() {
    String out = "12_0|COMPLETED|00:01:10|0:0\n12_1|CANCELLED by 0|00:00:30|0:15\n12_2|OUT_OF_MEMORY|00:02:00|0:125\n";
    Map<String, SlurmQueue.Entry> m = SlurmQueue.parse(out, Set.of("12"));
    assertEquals("CANCELLED", m.get("12_1").state());
    assertFalse(m.get("12_0").active());
    assertFalse(m.get("12_2").active());
  }

  @Test
  void slurmTimes() {
    assertEquals(62, RunStatus.seconds("1:02"));
    assertEquals(3723, RunStatus.seconds("1:02:03"));
    assertEquals(86400 + 3600, RunStatus.seconds("1-01:00:00"));
    assertEquals(-1, RunStatus.seconds("INVALID"));
  }

  @Test
  void elapsedIsPrintedAsHoursMinutesSeconds() {
    assertEquals("1:01:05", new CellStatus("c", CellStatus.State.DONE, null, 3665, null, "").elapsed());
    assertEquals("-", new CellStatus("c", CellStatus.State.UNFINISHED, null, -1, null, "").elapsed());
  }
}
