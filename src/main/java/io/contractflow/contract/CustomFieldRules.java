package io.contractflow.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.platform.error.FieldError;
import java.util.List;
import java.util.Map;

/**
 * The custom fields a contract of a type may hold, and the check of their values on every write
 * (the {@code customfield} feature defines them and implements this).
 */
public interface CustomFieldRules {

  /**
   * The values checked.
   *
   * @param values the values to store, by field key, in their canonical form (text, choice, date
   *     and party as strings, numbers as {@link java.math.BigDecimal}, money as {@code {amount,
   *     currency}})
   * @param errors every fault, as {@code customFields.<key>}; nothing may be stored when not empty
   */
  record Checked(Map<String, Object> values, List<FieldError> errors) {}

  /**
   * Checks the values a write asks for against the fields of the contract's type.
   *
   * @param requested the values the request sends (null: keep {@code current}); a null value clears
   *     the field
   * @param current the values stored now (empty for a new contract)
   * @param requireAll whether a required field without a value is a fault (false for imported
   *     drafts: a person completes them)
   */
  Checked check(
      ContractType type,
      Map<String, JsonNode> requested,
      Map<String, Object> current,
      boolean requireAll);
}
