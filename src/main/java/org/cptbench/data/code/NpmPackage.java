package org.cptbench.data.code;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.util.Json;

/**
 * An npm package fetched with the npm client ({@code npm pack NAME[@VERSION]}) and unpacked with {@code tar} into a
 * work folder; name, version and licence from its {@code package.json}. Files under {@code node_modules}, minified
 * files ({@code .min.js}) and TypeScript declarations ({@code .d.ts}, no bodies) are skipped.
 */
public record NpmPackage(String name, String version, String licence, Path root) implements PackageSource {
  public static NpmPackage of(String spec, Path workDir) {
    if (!spec.matches("(@[a-z0-9._-]+/)?[a-z0-9._-]+(@[A-Za-z0-9.^~<>=*+-]+)?")) {
      throw new CptbenchException("npm package '" + spec + "': not an npm package name[@version]");
    }
    try {
      Path dir = workDir.resolve(spec.replace('/', '+').replace('@', '_'));
      Files.createDirectories(dir);
      String out = ExternalCommand.run(dir, List.of("npm", "pack", spec, "--json", "--silent"));
      JsonNode packed = Json.MAPPER.readTree(out);
      String file = packed.get(0).get("filename").asText().replace('/', '-').replace("@", "");
      if (!Files.isRegularFile(dir.resolve(file))) {
        try (Stream<Path> s = Files.list(dir)) {
          file = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tgz")).findFirst()
              .orElseThrow(() -> new CptbenchException("npm pack " + spec + " wrote no .tgz into " + dir));
        }
      }
      Path unpacked = dir.resolve("unpacked");
      Files.createDirectories(unpacked);
      ExternalCommand.run(dir, List.of("tar", "-xzf", file, "-C", unpacked.toString()));
      Path root;
      try (Stream<Path> s = Files.list(unpacked)) {
        root = s.filter(Files::isDirectory).findFirst()
            .orElseThrow(() -> new CptbenchException(spec + ": the npm tarball has no package folder"));
      }
      JsonNode pj = Json.MAPPER.readTree(root.resolve("package.json").toFile());
      JsonNode lic = pj.path("license");
      String licence = lic.isTextual() ? lic.asText() : lic.path("type").asText("unknown");
      return new NpmPackage(pj.path("name").asText(spec), pj.path("version").asText("unknown"), licence, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch npm package " + spec, e);
    }
  }

  @Override
  public String ecosystem() {
    return "npm";
  }

  @Override
  public void forEachFile(Set<String> extensions, FileVisitor visitor) {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString();
      String fn = f.getFileName().toString();
      String ext = fn.substring(fn.lastIndexOf('.') + 1);
      if (!extensions.contains(ext) || rel.contains("node_modules/") || fn.endsWith(".min.js")
          || fn.endsWith(".d.ts")) {
        continue;
      }
      try {
        String text =
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        visitor.visit(rel, text);
      } catch (CharacterCodingException e) {
        // not UTF-8 text: skipped
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f, e);
      }
    }
  }
}
