package org.cptbench.data.code;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cptbench.CptbenchException;

/**
 * An installed Debian package ({@code apt-get install python3-numpy}): version from {@code dpkg-query}, files from
 * {@code dpkg -L}, licence from the first non-empty {@code License:} field of {@code /usr/share/doc/<name>/copyright} (the
 * machine-readable DEP-5 format; its {@code Files: *} stanza comes first). Files that are not valid UTF-8 are
 * skipped.
 */
public record DebianPackage(String name, String version, String licence, List<Path> files) implements PackageSource {
  public static DebianPackage of(String name) {
    if (!name.matches("[a-z0-9][a-z0-9+.-]+")) {
      throw new CptbenchException("package '" + name + "': not a Debian package name");
    }
    String status;
    try {
      status = ExternalCommand.run(null, List.of("dpkg-query", "-W", "-f=${Status}\t${Version}", name));
    } catch (CptbenchException e) {
      throw new CptbenchException(
          "Debian package " + name + " is not installed (apt-get install " + name + "): " + e.getMessage(), e);
    }
    String[] sv = status.split("\t", 2);
    if (!sv[0].contains("installed") || sv[0].contains("not-installed")) {
      throw new CptbenchException("Debian package " + name + " is not installed (apt-get install " + name + ")");
    }
    List<Path> files =
        ExternalCommand.run(null, List.of("dpkg", "-L", name)).lines().map(Path::of).filter(Files::isRegularFile)
            .sorted().toList();
    return new DebianPackage(name, sv[1].strip(), licence(name), files);
  }

  private static String licence(String name) {
    Path copyright = Path.of("/usr/share/doc", name, "copyright");
    try {
      for (String line : Files.readAllLines(copyright, StandardCharsets.UTF_8)) {
        if (line.toLowerCase(Locale.ROOT).startsWith("license:")
            && !line.substring("license:".length()).isBlank()) {
          return line.substring("license:".length()).strip();
        }
      }
    } catch (IOException e) {
      return "see " + copyright + " (unreadable: " + e.getMessage() + ")";
    }
    return "see " + copyright;
  }

  @Override
  public String ecosystem() {
    return "debian";
  }

  @Override
  public void forEachFile(Set<String> extensions, FileVisitor visitor) {
    for (Path f : files) {
      String fn = f.getFileName().toString();
      String ext = fn.substring(fn.lastIndexOf('.') + 1);
      if (!extensions.contains(ext)) {
        continue;
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
      } catch (CharacterCodingException e) {
        continue;
      } catch (IOException e) {
        throw new CptbenchException("cannot read " + f + ": " + e.getMessage(), e);
      }
      visitor.visit(f.toString(), text);
    }
  }
}
