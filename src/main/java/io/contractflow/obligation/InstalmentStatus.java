package io.contractflow.obligation;

/**
 * Where one occurrence of an obligation stands: open until its process records an outcome (met on
 * time, met late, missed, waived), or cancelled when the contract ended before it fell due.
 */
public enum InstalmentStatus {
  OPEN,
  MET_ON_TIME,
  MET_LATE,
  MISSED,
  WAIVED,
  CANCELLED;

  public boolean isOpen() {
    return this == OPEN;
  }
}
