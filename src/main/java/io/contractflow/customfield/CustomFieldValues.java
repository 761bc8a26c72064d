package io.contractflow.customfield;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.contract.ContractType;
import io.contractflow.contract.CustomFieldRules;
import io.contractflow.counterparty.CounterpartyService;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Checks a contract's custom field values on every write, against the fields defined now. */
@Component
class CustomFieldValues implements CustomFieldRules {

  private final CustomFieldDefinitions definitions;
  private final CounterpartyService counterparties;

  CustomFieldValues(CustomFieldDefinitions definitions, CounterpartyService counterparties) {
    this.definitions = definitions;
    this.counterparties = counterparties;
  }

  @Override
  public Checked check(
      ContractType type,
      Map<String, JsonNode> requested,
      Map<String, Object> current,
      boolean requireAll) {
    return new CustomFieldCheck(definitions.all(), this::counterpartyExists)
        .check(type, requested, current, requireAll);
  }

  private boolean counterpartyExists(UUID id) {
    return counterparties.find(id).isPresent();
  }
}
