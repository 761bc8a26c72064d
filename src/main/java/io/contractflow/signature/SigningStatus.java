package io.contractflow.signature;

/**
 * Where a signing request stands. OPEN while signatures are collected; COMPLETED when everyone
 * signed (then it can be sealed); DECLINED, EXPIRED and CANCELLED close it for good, and its links
 * answer 410 Gone.
 */
public enum SigningStatus {
  OPEN,
  COMPLETED,
  DECLINED,
  EXPIRED,
  CANCELLED;

  /** Closed without every signature: the links are gone. */
  public boolean isGone() {
    return this == DECLINED || this == EXPIRED || this == CANCELLED;
  }
}
