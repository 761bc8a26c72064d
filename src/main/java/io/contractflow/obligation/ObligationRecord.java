package io.contractflow.obligation;

/**
 * How a contract's obligations went in a period: instalments met on time, met late, missed, waived,
 * and still open.
 */
public record ObligationRecord(int metOnTime, int metLate, int missed, int waived, int open) {

  /** In words, for a form: "4 met on time, 1 late, 0 missed, 0 waived (2 still open)". */
  public String summary() {
    return metOnTime
        + " met on time, "
        + metLate
        + " late, "
        + missed
        + " missed, "
        + waived
        + " waived"
        + (open == 0 ? "" : " (" + open + " still open)");
  }
}
