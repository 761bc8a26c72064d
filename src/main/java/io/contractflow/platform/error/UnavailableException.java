package io.contractflow.platform.error;

import java.util.List;

/**
 * A dependency the request needs (storage, search, the virus scanner) is unavailable; try again
 * later: HTTP 503.
 */
public class UnavailableException extends DomainException {

  public UnavailableException(String problem, String detail) {
    super(problem, detail, List.of());
  }
}
