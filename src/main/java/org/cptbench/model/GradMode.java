package org.cptbench.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Scoped switch of PyTorch's autograd recording (like {@code torch.no_grad()}). Inference and optimizer updates
 * run with recording off, so no graph is built and parameters can be updated in place.
 */
public final class GradMode implements AutoCloseable {
  private final boolean previous;

  private GradMode(boolean enabled) {
    previous = JniUtils.isGradMode();
    JniUtils.setGradMode(enabled);
  }

  /** Whether autograd records in this thread now. */
  public static boolean enabled() {
    return JniUtils.isGradMode();
  }

  /** Recording off until {@link #close()}. */
  public static GradMode disabled() {
    return new GradMode(false);
  }

  @Override
  public void close() {
    JniUtils.setGradMode(previous);
  }
}
