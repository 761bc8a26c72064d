package io.contractflow.platform.error;

import java.util.List;

/** What the caller named does not exist, or the caller may not know that it does (HTTP 404). */
public class NotFoundException extends DomainException {

  public NotFoundException(String detail) {
    this("not-found", detail);
  }

  public NotFoundException(String problem, String detail) {
    super(problem, detail, List.of());
  }

  /** "Contract 42 does not exist or is not visible to you". */
  public static NotFoundException of(String what, Object id) {
    return new NotFoundException(what + " " + id + " does not exist or is not visible to you");
  }
}
