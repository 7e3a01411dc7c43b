package org.cptbench.data.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class MavenJarsTest {
  @Test
  void findsAJarOfTheClassPathByCoordinates() {
    Path jar = MavenJars.require(MavenJars.Coordinates.parse("info.picocli:picocli:4.7.7"));
    assertEquals("picocli-4.7.7.jar", jar.getFileName().toString());
  }

  @Test
  void missingJarsNameTheCommandThatGetsThem() {
    MavenJars.Coordinates c = MavenJars.Coordinates.parse("org.example:nothing-here:0.0.1:sources");
    assertEquals("nothing-here-0.0.1-sources.jar", c.fileName());
    assertTrue(MavenJars.find(c).isEmpty());
    CptbenchException e = assertThrows(CptbenchException.class, () -> MavenJars.require(c));
    assertTrue(
        e.getMessage().contains("./mvnw dependency:get -Dartifact=org.example:nothing-here:0.0.1:jar:sources"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MavenJars.Coordinates.parse("only:two"));
  }
}
