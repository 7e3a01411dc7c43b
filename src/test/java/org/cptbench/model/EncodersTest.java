package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Name resolution of {@link Encoders#open}, without loading any model. */
class EncodersTest {
  @TempDir Path dir;

  @Test
  void aFolderIsOpenedAsACheckpoint() {
    CptbenchException e = assertThrows(CptbenchException.class, () -> Encoders.open(dir.toString(), dir));
    assertTrue(e.getMessage().contains("is not a cptbench checkpoint"), e.getMessage());
  }

  @Test
  void blankAndUnknownSpecsListTheAllowedValues() {
    assertEquals(
        "encoder: empty; allowed: minilm-l6, or the path of a checkpoint folder",
        assertThrows(CptbenchException.class, () -> Encoders.open(" ", dir)).getMessage());
    assertEquals(
        "encoder: unknown 'bert-base'; allowed: minilm-l6, or the path of a checkpoint folder",
        assertThrows(CptbenchException.class, () -> Encoders.open("bert-base", dir)).getMessage());
  }

  @Test
  void registryNamesAreUnique() {
    assertEquals(
        OnnxModels.all().size(), OnnxModels.all().stream().map(OnnxModelSpec::name).distinct().count());
    assertEquals(OnnxModels.MINILM_L6, OnnxModels.find("minilm-l6").orElseThrow());
  }
}
