package io.contractflow.workflow.review;

import io.contractflow.workflow.TaskDecision;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's decision ({@link ReviewVariables#DECISION}); anything but approval needs a reason.
 */
public enum ReviewDecision implements TaskDecision {
  APPROVE(false),
  REQUEST_CHANGES(true),
  REJECT(true);

  private final boolean needsReason;

  ReviewDecision(boolean needsReason) {
    this.needsReason = needsReason;
  }

  @Override
  public boolean needsReason() {
    return needsReason;
  }

  /** The decision of this name, if it is one. */
  public static Optional<ReviewDecision> of(String name) {
    return Arrays.stream(values()).filter(decision -> decision.name().equals(name)).findFirst();
  }

  public static List<ReviewDecision> all() {
    return List.of(values());
  }
}
