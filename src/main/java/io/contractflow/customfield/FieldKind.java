package io.contractflow.customfield;

/** What a custom field holds, and so how its values are checked, shown and searched. */
public enum FieldKind {
  /** Plain text on one line, up to 1,000 characters. */
  TEXT,
  /** A decimal number (up to 15 digits before the point and 4 after). */
  NUMBER,
  /** An amount in an ISO 4217 currency: {@code {"amount": 1200.50, "currency": "EUR"}}. */
  MONEY,
  /** A calendar date, {@code yyyy-mm-dd}. */
  DATE,
  /** One of the field's choices. */
  CHOICE,
  /** A counterparty, by its id. */
  PARTY
}
