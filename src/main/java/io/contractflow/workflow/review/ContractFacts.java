package io.contractflow.workflow.review;

import io.contractflow.contract.ContractResponse;
import io.contractflow.customfield.CustomFieldDefinition;
import io.contractflow.customfield.CustomFieldDefinitions;
import io.contractflow.customfield.FieldKind;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.drafting.DraftingVariables;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The contract's facts as the review's variables, the one place they are set: what the approval
 * matrix (DMN {@code approvers}) and any other decision or condition of the review may read. A
 * designer adds an input column on one of these facts in Modeler, with no Java:
 *
 * <ul>
 *   <li>{@code contractType} (NDA, SERVICES, ...), {@code baseValue} (the value in {@code
 *       baseCurrency}), {@code contractAmount} and {@code contractCurrency} (as written);
 *   <li>{@code nonStandardTerms} (the submitter's flag);
 *   <li>{@code counterpartyName}, {@code owner}, {@code contractTitle};
 *   <li>{@code contractTags}: the tags, comma-separated between commas ({@code ",it,services,"}),
 *       so a FEEL input {@code contains(contractTags, ",strategic,")} asks for one tag.
 *   <li>{@code cf_<key>}: each active custom field (null when the contract has no value of it):
 *       text, choice, date ({@code yyyy-mm-dd}) and party (the counterparty's id) as strings, a
 *       number as a number, money as its amount with the currency in {@code cf_<key>_currency}.
 * </ul>
 *
 * The contract has no counterparty country yet; when it does, it goes here.
 */
@Component
class ContractFacts {

  /** The prefix of a custom field's variable: {@code cf_<key>}. */
  static final String CUSTOM_FIELD = "cf_";

  private final ValueInBaseCurrency baseValue;
  private final CustomFieldDefinitions customFields;

  ContractFacts(ValueInBaseCurrency baseValue, CustomFieldDefinitions customFields) {
    this.baseValue = baseValue;
    this.customFields = customFields;
  }

  Map<String, Object> of(ContractResponse contract, boolean nonStandardTerms) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(ProcessVariables.CONTRACT_TYPE, contract.type().name());
    facts.put(
        ReviewVariables.BASE_VALUE,
        baseValue.convert(contract.value().amount(), contract.value().currency()).doubleValue());
    facts.put(ReviewVariables.BASE_CURRENCY, baseValue.baseCurrency());
    facts.put(ReviewVariables.CONTRACT_AMOUNT, contract.value().amount().doubleValue());
    facts.put(ReviewVariables.CONTRACT_CURRENCY, contract.value().currency());
    facts.put(DraftingVariables.NON_STANDARD_TERMS, nonStandardTerms);
    facts.put(ProcessVariables.COUNTERPARTY_NAME, contract.counterparty().name());
    facts.put(ProcessVariables.OWNER, contract.owner());
    facts.put(ProcessVariables.CONTRACT_TITLE, contract.title());
    facts.put(
        ReviewVariables.CONTRACT_TAGS,
        contract.tags() == null || contract.tags().isEmpty()
            ? ","
            : "," + String.join(",", contract.tags()) + ",");
    facts.putAll(customFieldFacts(customFields.active(null), contract.customFields()));
    return facts;
  }

  /**
   * The custom fields as variables: every active field of any type (null without a value, so that a
   * decision reading one never meets an unknown variable), with the values the contract holds (an
   * archived field's too).
   */
  static Map<String, Object> customFieldFacts(
      List<CustomFieldDefinition> fields, Map<String, Object> values) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (CustomFieldDefinition field : fields) {
      facts.put(CUSTOM_FIELD + field.key(), null);
      if (field.kind() == FieldKind.MONEY) {
        facts.put(CUSTOM_FIELD + field.key() + "_currency", null);
      }
    }
    if (values != null) {
      values.forEach(
          (key, value) -> {
            if (value instanceof Number number) {
              facts.put(CUSTOM_FIELD + key, new BigDecimal(number.toString()).doubleValue());
            } else if (value instanceof Map<?, ?> money) {
              facts.put(
                  CUSTOM_FIELD + key,
                  new BigDecimal(String.valueOf(money.get("amount"))).doubleValue());
              facts.put(CUSTOM_FIELD + key + "_currency", String.valueOf(money.get("currency")));
            } else if (value != null) {
              facts.put(CUSTOM_FIELD + key, value.toString());
            }
          });
    }
    return facts;
  }
}
