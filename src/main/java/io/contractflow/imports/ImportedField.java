package io.contractflow.imports;

/**
 * The facts of an imported contract that a person verifies, each with the process variable its
 * verify form edits ({@code workflow.imports.ImportVariables} names the same), the variable of the
 * passage and confidence it was found with, and the variable of its confirmation box.
 */
public enum ImportedField {
  TITLE("importedTitle"),
  TYPE("importedType"),
  COUNTERPARTY("importedCounterparty"),
  START_DATE("importedStartDate"),
  END_DATE("importedEndDate"),
  AUTO_RENEW("importedAutoRenew"),
  RENEWAL_TERM_MONTHS("importedRenewalTermMonths"),
  NOTICE_PERIOD_DAYS("importedNoticePeriodDays"),
  VALUE("importedValue"),
  CURRENCY("importedCurrency");

  private final String variable;

  ImportedField(String variable) {
    this.variable = variable;
  }

  /** The variable of the value. */
  public String variable() {
    return variable;
  }

  /** The variable of where the value was found (passage, source, confidence), for the form. */
  public String foundVariable() {
    return variable + "Found";
  }

  /** The variable of the form's box that confirms the value. */
  public String confirmedVariable() {
    return variable + "Confirmed";
  }
}
