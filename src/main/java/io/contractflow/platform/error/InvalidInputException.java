package io.contractflow.platform.error;

import java.util.List;

/**
 * The request's input is invalid, field by field (HTTP 400, problem {@code validation} unless named
 * otherwise).
 */
public class InvalidInputException extends DomainException {

  static final String VALIDATION = "validation";
  private static final String DETAIL = "The request has invalid fields";

  public InvalidInputException(List<FieldError> errors) {
    this(VALIDATION, DETAIL, errors);
  }

  public InvalidInputException(String problem, String detail, List<FieldError> errors) {
    super(problem, detail, errors);
  }

  /** One invalid field. */
  public static InvalidInputException field(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }
}
