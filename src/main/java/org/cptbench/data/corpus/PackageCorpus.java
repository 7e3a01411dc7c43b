package org.cptbench.data.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cptbench.CptbenchException;

/**
 * A corpus of English prose that a user installs from a package registry (Debian): the HTML manuals a package
 * ships, read with {@link HtmlProse}. The catalog card of a built corpus ({@link PackageCorpusBuilder}) adds the
 * installed version and the counts.
 *
 * @param name the corpus name ({@code --corpus NAME})
 * @param debianPackage the package that ships it ({@code apt-get install PACKAGE})
 * @param licence the licence of the text, from the package's {@code /usr/share/doc/PACKAGE/copyright}
 * @param root the folder of HTML pages the package installs
 * @param excluded path prefixes under {@code root} that are not prose (indexes, search, sources, translations)
 * @param description what the text is
 */
public record PackageCorpus(
    String name, String debianPackage, String licence, Path root, List<String> excluded, String description) {

  public PackageCorpus {
    excluded = List.copyOf(excluded);
  }

  /** The known package corpora. */
  public static final List<PackageCorpus> ALL =
      List.of(
          new PackageCorpus(
              "python-docs",
              "python3.11-doc",
              "PSF-2.0 (Python Software Foundation License Version 2; /usr/share/doc/python3.11-doc/copyright)",
              Path.of("/usr/share/doc/python3.11/html"),
              List.of("_", "genindex", "py-modindex", "search.html", "whatsnew/changelog.html"),
              "The Python 3.11 documentation: tutorial, library and language reference, HOWTOs, FAQs, What's New"),
          new PackageCorpus(
              "linux-docs",
              "linux-doc-6.1",
              "GPL-2.0 (the Linux kernel documentation; /usr/share/doc/linux-doc-6.1/copyright)",
              Path.of("/usr/share/doc/linux-doc-6.1/html"),
              List.of("_", "genindex", "search.html", "translations/"),
              "The Linux 6.1 kernel documentation: admin guide, process, driver and subsystem documentation"),
          new PackageCorpus(
              "postgresql-docs",
              "postgresql-doc-15",
              "PostgreSQL Licence (/usr/share/doc/postgresql-doc-15/copyright)",
              Path.of("/usr/share/doc/postgresql-doc-15/html"),
              List.of("bookindex.html", "release-"),
              "The PostgreSQL 15 manual: tutorial, SQL language, server administration, reference, internals"),
          new PackageCorpus(
              "debian-handbook",
              "debian-handbook",
              "GPL-2.0-or-later or CC-BY-SA-3.0 (/usr/share/doc/debian-handbook/copyright)",
              Path.of("/usr/share/doc/debian-handbook/html/en-US"),
              List.of("Common_Content/", "index.html"),
              "The Debian Administrator's Handbook (Raphael Hertzog, Roland Mas), English edition, a book"));

  /** The corpus called {@code name}, if there is one. */
  public static Optional<PackageCorpus> find(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Whether a page (its path relative to {@link #root}, with '/' separators) is read. */
  public boolean includes(String relative) {
    return relative.endsWith(".html") && excluded.stream().noneMatch(relative::startsWith);
  }

  /** The error when the package is not installed. */
  CptbenchException notInstalled() {
    return new CptbenchException(
        "corpus " + name + ": " + root + " is missing; install it with `apt-get install " + debianPackage + "`");
  }
}
