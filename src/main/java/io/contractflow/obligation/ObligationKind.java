package io.contractflow.obligation;

/** What a contract promises: a payment, a delivery, a report, a notice, or anything else. */
public enum ObligationKind {
  PAYMENT,
  DELIVERY,
  REPORT,
  NOTICE,
  CUSTOM
}
