package io.contractflow.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the API reports as an RFC 9457 problem: the status, a short problem slug that becomes the
 * problem type URI, a detail for humans and, for invalid input, the fields at fault.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String problem;
  private final transient List<FieldError> errors;

  public ApiException(HttpStatus status, String problem, String detail) {
    this(status, problem, detail, List.of());
  }

  public ApiException(HttpStatus status, String problem, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.problem = problem;
    this.errors = List.copyOf(errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String problem() {
    return problem;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One invalid field: its JSON path (e.g. {@code value.amount}) and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static ApiException notFound(String what, Object id) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist or is not visible to you");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", detail);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields", List.of(new FieldError(field, message)));
  }

  public static ApiException preconditionFailed(String detail) {
    return new ApiException(HttpStatus.PRECONDITION_FAILED, "precondition-failed", detail);
  }

  public static ApiException preconditionRequired(String detail) {
    return new ApiException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", detail);
  }
}
