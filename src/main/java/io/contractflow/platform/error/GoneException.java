package io.contractflow.platform.error;

import java.util.List;

/** The object existed but is closed for good (an expired or cancelled signing link): HTTP 410. */
public class GoneException extends DomainException {

  public GoneException(String problem, String detail) {
    super(problem, detail, List.of());
  }
}
