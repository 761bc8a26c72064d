package io.contractflow.workflow.imports;

import io.contractflow.contract.ContractType;
import io.contractflow.workflow.NotInModels;
import io.contractflow.workflow.ValuesOf;

/**
 * The names of the import of one file ({@code processes/contract-import.bpmn}, form {@code
 * verify-imported-contract}): the one place for them. Each fact of the verify form has its value,
 * where it was found ({@code ...Found}: passage and confidence) and its confirmation box ({@code
 * ...Confirmed}), as {@code imports.ImportedField} names them.
 */
public final class ImportVariables {

  /** The role ({@code contractflow.role}) of the owner's task that verifies the facts. */
  public static final String ROLE_VERIFY = "verify-imported-contract";

  /** The import the file belongs to, for Cockpit. */
  @NotInModels("shown by Cockpit; the steps find the file by the business key")
  public static final String IMPORT_ID = "importId";

  /** Whether the same file was imported before: its contract is that one. */
  public static final String DUPLICATE = "duplicate";

  /** Whether the verified end date has already passed. */
  public static final String TERM_ENDED = "termEnded";

  /** Who verified the facts (the verify task's completer). */
  @NotInModels("set by the verify task's check, read by the steps after it")
  public static final String VERIFIED_BY = "verifiedBy";

  public static final String TITLE = "importedTitle";
  public static final String TITLE_FOUND = "importedTitleFound";
  public static final String TITLE_CONFIRMED = "importedTitleConfirmed";

  @ValuesOf(ContractType.class)
  public static final String TYPE = "importedType";

  public static final String TYPE_FOUND = "importedTypeFound";
  public static final String TYPE_CONFIRMED = "importedTypeConfirmed";

  public static final String COUNTERPARTY = "importedCounterparty";
  public static final String COUNTERPARTY_FOUND = "importedCounterpartyFound";
  public static final String COUNTERPARTY_CONFIRMED = "importedCounterpartyConfirmed";

  public static final String START_DATE = "importedStartDate";
  public static final String START_DATE_FOUND = "importedStartDateFound";
  public static final String START_DATE_CONFIRMED = "importedStartDateConfirmed";

  public static final String END_DATE = "importedEndDate";
  public static final String END_DATE_FOUND = "importedEndDateFound";
  public static final String END_DATE_CONFIRMED = "importedEndDateConfirmed";

  public static final String AUTO_RENEW = "importedAutoRenew";
  public static final String AUTO_RENEW_FOUND = "importedAutoRenewFound";
  public static final String AUTO_RENEW_CONFIRMED = "importedAutoRenewConfirmed";

  public static final String RENEWAL_TERM_MONTHS = "importedRenewalTermMonths";
  public static final String RENEWAL_TERM_MONTHS_FOUND = "importedRenewalTermMonthsFound";
  public static final String RENEWAL_TERM_MONTHS_CONFIRMED = "importedRenewalTermMonthsConfirmed";

  public static final String NOTICE_PERIOD_DAYS = "importedNoticePeriodDays";
  public static final String NOTICE_PERIOD_DAYS_FOUND = "importedNoticePeriodDaysFound";
  public static final String NOTICE_PERIOD_DAYS_CONFIRMED = "importedNoticePeriodDaysConfirmed";

  public static final String VALUE = "importedValue";
  public static final String VALUE_FOUND = "importedValueFound";
  public static final String VALUE_CONFIRMED = "importedValueConfirmed";

  public static final String CURRENCY = "importedCurrency";
  public static final String CURRENCY_FOUND = "importedCurrencyFound";
  public static final String CURRENCY_CONFIRMED = "importedCurrencyConfirmed";

  private ImportVariables() {}
}
