package io.contractflow.workflow.review;

import io.contractflow.contract.ContractResponse;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.drafting.DraftingVariables;
import java.util.LinkedHashMap;
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
 * </ul>
 *
 * The contract has no custom fields nor a counterparty country yet; when it does, they go here.
 */
@Component
class ContractFacts {

  private final ValueInBaseCurrency baseValue;

  ContractFacts(ValueInBaseCurrency baseValue) {
    this.baseValue = baseValue;
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
    return facts;
  }
}
