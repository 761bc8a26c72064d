package io.contractflow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.TooManyAttemptsException;
import io.contractflow.platform.outage.ConnectionFailures;
import io.contractflow.platform.outage.DatabaseGate;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem with a stable type URN and, for invalid input, the
 * fields at fault. Bad input is always a 4xx; only a fault of our own is a 500, and its detail
 * never leaks internals.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

  /** The gate's Retry-After where there is none (a web slice has no database). */
  private static final long RETRY_AFTER_WITHOUT_GATE = 2;

  private final ObjectProvider<DatabaseGate> gate;

  ProblemDetailsHandler(ObjectProvider<DatabaseGate> gate) {
    this.gate = gate;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> handleApi(ApiException ex) {
    String title =
        "validation".equals(ex.problem()) ? "Invalid request" : ex.status().getReasonPhrase();
    ProblemDetail body = Problems.of(ex.status(), ex.problem(), title, ex.getMessage());
    return ResponseEntity.status(ex.status()).body(Problems.withErrors(body, ex.errors()));
  }

  /**
   * A service's refusal: the status its kind stands for ({@link ApiException#from}), Retry-After
   * when it has one.
   */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<Object> handleDomain(DomainException ex) {
    ResponseEntity<Object> problem = handleApi(ApiException.from(ex));
    if (ex instanceof TooManyAttemptsException limited) {
      return ResponseEntity.status(problem.getStatusCode())
          .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
          .body(problem.getBody());
    }
    return problem;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
    List<FieldError> errors =
        ex.getConstraintViolations().stream()
            .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return validation(errors);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> handleOptimisticLock(OptimisticLockingFailureException ex) {
    return handleApi(
        ApiException.preconditionFailed(
            "The resource was changed by someone else; read it again and retry"));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> handleIntegrity(DataIntegrityViolationException ex) {
    log.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
    return handleApi(ApiException.conflict("The request conflicts with data already stored"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex) {
    if (ConnectionFailures.isConnectionFailure(ex)) {
      return databaseUnavailable(ex);
    }
    log.error("Unexpected failure", ex);
    ProblemDetail body =
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "Internal Server Error",
            "The server failed to process the request; it has been logged");
    return ResponseEntity.internalServerError().body(body);
  }

  /**
   * No connection to the database (down, or none free in time), whatever wrapped the failure: 503
   * with {@code Retry-After}, logged without a stack trace (an outage fails every request alike).
   */
  private ResponseEntity<Object> databaseUnavailable(Exception ex) {
    log.warn("Request failed for want of a database connection: {}", ex.toString());
    DatabaseGate known = gate.getIfAvailable();
    if (known != null) {
      known.failed(ex);
    }
    long seconds = known == null ? RETRY_AFTER_WITHOUT_GATE : known.retryAfterSeconds();
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(Problems.databaseUnavailable(seconds));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
            .collect(Collectors.toList());
    ex.getBindingResult().getGlobalErrors().stream()
        .map(e -> new FieldError(e.getObjectName(), e.getDefaultMessage()))
        .forEach(errors::add);
    errors.sort(Comparator.comparing(FieldError::field));
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(e -> new FieldError(parameterName(r), e.getDefaultMessage())))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    Class<?> type = ex.getRequiredType();
    String expected = type == null ? "a valid value" : describe(type);
    return validation(List.of(new FieldError(name, "must be " + expected)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = ex.getCause();
    if (causedBy(ex, PayloadTooLargeException.class)) {
      return handleApi(
          new ApiException(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "payload-too-large",
              findCause(ex, PayloadTooLargeException.class).getMessage()));
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return validation(List.of(new FieldError(path(unknown), "is not a field that can be set")));
    }
    if (cause instanceof InvalidFormatException invalid) {
      return validation(
          List.of(new FieldError(path(invalid), "must be " + describe(invalid.getTargetType()))));
    }
    if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      return validation(
          List.of(
              new FieldError(path(mismatched), "must be " + describe(mismatched.getTargetType()))));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return validation(List.of(new FieldError(path(mapping), "has an invalid value")));
    }
    String detail =
        cause instanceof JsonProcessingException json
            ? "The body is not valid JSON: " + json.getOriginalMessage()
            : "The request body is missing or unreadable";
    ProblemDetail body =
        Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail);
    return ResponseEntity.badRequest().body(body);
  }

  /** Gives Spring's own problem bodies (405, 406, 415, ...) our type URNs. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body == null && ex instanceof ErrorResponse errorResponse) {
      body = errorResponse.getBody();
    }
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      HttpStatus status = HttpStatus.resolve(statusCode.value());
      String slug = status == null ? "error" : status.name().toLowerCase().replace('_', '-');
      problem.setType(URI.create(Problems.TYPE_PREFIX + slug));
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private ResponseEntity<Object> validation(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    ProblemDetail body =
        Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    return ResponseEntity.badRequest().body(Problems.withErrors(body, errors));
  }

  private static String parameterName(ParameterValidationResult result) {
    String name = result.getMethodParameter().getParameterName();
    return name == null ? "parameter" : name;
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.indexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  private static String path(JsonMappingException ex) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : ex.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "a date (YYYY-MM-DD)";
      case "Instant", "OffsetDateTime" -> "a timestamp (ISO 8601)";
      case "UUID" -> "a UUID";
      case "BigDecimal", "Double", "double", "Float", "float" -> "a number";
      case "Integer", "int", "Long", "long", "Short", "short" -> "an integer";
      case "Boolean", "boolean" -> "true or false";
      case "String" -> "a string";
      case "List", "Set", "Collection" -> "an array";
      default -> "a valid " + type.getSimpleName();
    };
  }

  private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
    return findCause(ex, type) != null;
  }

  private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
