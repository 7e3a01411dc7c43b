package org.cptbench.data.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cptbench.CptbenchException;
import org.cptbench.data.builtin.MavenJars;

/**
 * A Maven artifact's {@code -sources.jar} ({@code group:artifact:version}), found by {@link MavenJars} (the local
 * repository; {@code ./mvnw dependency:get} downloads it). Licence: the first non-blank line of the jar's
 * {@code META-INF/LICENSE*} file (Apache and most Maven Central projects ship one), else "unknown".
 */
public record MavenSourcesPackage(String name, String version, Path jar) implements PackageSource {
  public static MavenSourcesPackage of(String gav) {
    MavenJars.Coordinates c = MavenJars.Coordinates.parse(gav + ":sources");
    return new MavenSourcesPackage(c.group() + ":" + c.artifact(), c.version(), MavenJars.require(c));
  }

  @Override
  public String ecosystem() {
    return "maven";
  }

  @Override
  public String licence() {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
        if (e.getName().startsWith("META-INF/LICENSE")) {
          try (InputStream in = zip.getInputStream(e)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
              if (!line.isBlank()) {
                return line.strip();
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + jar + ": " + e.getMessage(), e);
    }
    return "unknown";
  }

  @Override
  public void forEachFile(Set<String> extensions, FileVisitor visitor) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> entries =
          zip.stream().filter(e -> !e.isDirectory()).sorted(Comparator.comparing(ZipEntry::getName)).toList();
      for (ZipEntry e : entries) {
        String ext = e.getName().substring(e.getName().lastIndexOf('.') + 1);
        if (extensions.contains(ext)) {
          try (InputStream in = zip.getInputStream(e)) {
            visitor.visit(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + jar + ": " + e.getMessage(), e);
    }
  }
}
