package io.contractflow.platform.error;

import java.util.List;

/**
 * The object's state does not allow this now (a contract no longer a draft, a task someone else
 * holds): HTTP 409.
 */
public class ConflictException extends DomainException {

  public ConflictException(String detail) {
    this("conflict", detail);
  }

  public ConflictException(String problem, String detail) {
    super(problem, detail, List.of());
  }
}
