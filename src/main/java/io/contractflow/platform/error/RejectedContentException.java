package io.contractflow.platform.error;

import java.util.List;

/**
 * Content the platform does not take: too large (HTTP 413), of an unsupported type (415) or harmful
 * (422).
 */
public class RejectedContentException extends DomainException {

  /** Why the content is refused. */
  public enum Reason {
    TOO_LARGE,
    UNSUPPORTED,
    HARMFUL
  }

  private final Reason reason;

  public RejectedContentException(Reason reason, String problem, String detail) {
    super(problem, detail, List.of());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
