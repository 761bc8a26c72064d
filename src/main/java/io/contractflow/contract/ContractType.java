package io.contractflow.contract;

/** The kinds of contract a small business signs. */
public enum ContractType {
  NDA,
  MSA,
  SOW,
  SERVICES,
  SALES,
  PURCHASE,
  EMPLOYMENT,
  CONSULTING,
  LEASE,
  LICENSE,
  PARTNERSHIP,
  OTHER
}
