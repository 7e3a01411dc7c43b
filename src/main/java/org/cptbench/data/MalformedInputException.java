package org.cptbench.data;

import java.nio.file.Path;
import org.cptbench.CptbenchException;

/** A malformed line in an input file: names the file, the 1-based line number and what was expected. */
public final class MalformedInputException extends CptbenchException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;

  public MalformedInputException(Path file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }
}
