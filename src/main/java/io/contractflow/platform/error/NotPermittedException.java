package io.contractflow.platform.error;

import java.util.List;

/**
 * The caller is known, but their role or relation to the object does not permit this (HTTP 403).
 */
public class NotPermittedException extends DomainException {

  public NotPermittedException(String detail) {
    this("forbidden", detail);
  }

  public NotPermittedException(String problem, String detail) {
    super(problem, detail, List.of());
  }
}
