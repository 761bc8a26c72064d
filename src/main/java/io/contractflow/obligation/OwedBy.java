package io.contractflow.obligation;

/** Whose side owes an obligation: the business itself, or the contract's counterparty. */
public enum OwedBy {
  US,
  COUNTERPARTY
}
