package io.contractflow.extraction;

/** The facts the extractor looks for in a contract's text. */
public enum FactField {
  /** The parties, " | "-separated, ours first where known. */
  PARTIES,
  EFFECTIVE_DATE,
  END_DATE,
  /** The initial term as an ISO-8601 period (P1Y). */
  TERM,
  /** "true" when the contract renews itself unless notice is given. */
  AUTO_RENEWAL,
  /** The notice period as an ISO-8601 period (P30D, P3M). */
  NOTICE_PERIOD,
  /** The total or annual value as a decimal. */
  VALUE,
  CURRENCY,
  GOVERNING_LAW,
  /** The payment terms as written (net 30, quarterly in advance). */
  PAYMENT_TERMS
}
