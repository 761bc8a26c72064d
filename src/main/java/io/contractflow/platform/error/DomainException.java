package io.contractflow.platform.error;

import java.util.List;

/**
 * A request the domain refuses, for a reason the caller can act on. The message is the detail shown
 * to the caller; the problem slug names the kind of refusal (it becomes the problem type {@code
 * urn:contractflow:problem:<slug>}); invalid input names the fields at fault. Which HTTP status it
 * becomes is the web layer's business.
 */
public abstract class DomainException extends RuntimeException {

  private final String problem;
  private final transient List<FieldError> errors;

  protected DomainException(String problem, String detail, List<FieldError> errors) {
    super(detail);
    this.problem = problem;
    this.errors = List.copyOf(errors);
  }

  /** The problem slug, e.g. {@code not-found}, {@code conflict}, {@code validation}. */
  public String problem() {
    return problem;
  }

  /** The fields at fault (invalid input only; else empty). */
  public List<FieldError> errors() {
    return errors;
  }
}
