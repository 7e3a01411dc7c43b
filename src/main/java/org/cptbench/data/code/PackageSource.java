package org.cptbench.data.code;

/** The source files of one installed or downloaded package, with its provenance. */
public interface PackageSource {
  /** The registry: {@code debian}, {@code npm} or {@code maven}. */
  String ecosystem();

  /** The package name as the registry spells it. */
  String name();

  String version();

  /** The licence as the package declares it. */
  String licence();

  /** Visits the package's files of the given extensions (without the dot) in path order. */
  void forEachFile(java.util.Set<String> extensions, FileVisitor visitor);

  /** Receives one source file. */
  @FunctionalInterface
  interface FileVisitor {
    void visit(String path, String text);
  }
}
