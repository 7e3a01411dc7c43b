package org.cptbench;

/**
 * An error the user can act on: bad input, bad configuration, missing data. The CLI prints its message as
 * {@code error: <message>} and exits non-zero, without a stack trace.
 */
public class CptbenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CptbenchException(String message) {
    super(message);
  }

  public CptbenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
