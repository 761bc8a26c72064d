package io.contractflow.platform.web;

import io.contractflow.platform.error.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents every ContractFlow error uses. */
public final class Problems {

  /** Problem types are URNs under this prefix, e.g. {@code urn:contractflow:problem:validation}. */
  public static final String TYPE_PREFIX = "urn:contractflow:problem:";

  private Problems() {}

  public static ProblemDetail of(
      HttpStatusCode status, String problem, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create(TYPE_PREFIX + problem));
    body.setTitle(title);
    return body;
  }

  /**
   * The database is unavailable (down, or no connection to be had in time): 503, to be sent with
   * {@code Retry-After: retryAfterSeconds}.
   */
  public static ProblemDetail databaseUnavailable(long retryAfterSeconds) {
    ProblemDetail body =
        of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "database-unavailable",
            "Service Unavailable",
            "The database is unavailable; try again in " + retryAfterSeconds + " s");
    body.setProperty("retryAfterSeconds", retryAfterSeconds);
    return body;
  }

  public static ProblemDetail withErrors(ProblemDetail body, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return body;
  }
}
