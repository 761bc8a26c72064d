package io.contractflow.platform.privacy;

/**
 * Personal values as log lines may show them (docs/privacy.md, "Logs"): an e-mail address keeps its
 * first character and its domain ({@code j***@example.com}), enough to tell deliveries apart
 * without naming anyone.
 */
public final class Masked {

  private Masked() {}

  public static String email(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return address.charAt(0) + "***" + address.substring(at);
  }
}
