package io.contractflow.platform.web;

import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.GoneException;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.error.RejectedContentException;
import io.contractflow.platform.error.TooManyAttemptsException;
import io.contractflow.platform.error.UnavailableException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the API reports as an RFC 9457 problem: the status, a short problem slug that
 * becomes the problem type URI, a detail for humans and, for invalid input, the fields at fault.
 * Only the web layer (controllers, filters, {@code platform.web}) throws it, for what is truly
 * HTTP's business (headers, paging, bodies); services throw a {@link DomainException}, which {@link
 * #from(DomainException)} gives its status ({@code architecture.ModuleRulesTest} keeps it so).
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

  /**
   * The problem a service's refusal becomes: the same slug, detail and fields, the status its kind
   * stands for.
   */
  public static ApiException from(DomainException refusal) {
    ApiException api =
        new ApiException(
            statusOf(refusal), refusal.problem(), refusal.getMessage(), refusal.errors());
    api.initCause(refusal);
    return api;
  }

  private static HttpStatus statusOf(DomainException refusal) {
    if (refusal instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (refusal instanceof NotPermittedException) {
      return HttpStatus.FORBIDDEN;
    }
    if (refusal instanceof ConflictException) {
      return HttpStatus.CONFLICT;
    }
    if (refusal instanceof InvalidInputException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (refusal instanceof GoneException) {
      return HttpStatus.GONE;
    }
    if (refusal instanceof UnavailableException) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    if (refusal instanceof TooManyAttemptsException) {
      return HttpStatus.TOO_MANY_REQUESTS;
    }
    if (refusal instanceof RejectedContentException rejected) {
      return switch (rejected.reason()) {
        case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        case HARMFUL -> HttpStatus.UNPROCESSABLE_ENTITY;
      };
    }
    throw new IllegalArgumentException("No HTTP status for " + refusal.getClass().getName());
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "not-found",
        what + " " + id + " does not exist or is not visible to you");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", detail);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "validation",
        "The request has invalid fields",
        List.of(new FieldError(field, message)));
  }

  public static ApiException preconditionFailed(String detail) {
    return new ApiException(HttpStatus.PRECONDITION_FAILED, "precondition-failed", detail);
  }

  public static ApiException preconditionRequired(String detail) {
    return new ApiException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", detail);
  }
}
