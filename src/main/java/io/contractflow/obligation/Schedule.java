package io.contractflow.obligation;

/**
 * When an obligation falls due: once, every month, quarter or year from its first due date (until
 * its last date or the contract's end), or on a list of milestone dates.
 */
public enum Schedule {
  ONE_OFF(0),
  MONTHLY(1),
  QUARTERLY(3),
  YEARLY(12),
  MILESTONE(0);

  private final int months;

  Schedule(int months) {
    this.months = months;
  }

  /** Months between two instalments of a recurring schedule; 0 for one-off and milestones. */
  int months() {
    return months;
  }
}
