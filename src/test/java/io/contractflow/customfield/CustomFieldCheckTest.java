package io.contractflow.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.contract.ContractType;
import io.contractflow.contract.CustomFieldRules;
import io.contractflow.platform.error.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The check of custom field values, kind by kind, on fields given in memory. */
class CustomFieldCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID KNOWN_PARTY = UUID.randomUUID();

  private static CustomFieldDefinition field(
      String key, ContractType type, FieldKind kind, boolean required, String... choices) {
    return field(key, type, kind, required, false, choices);
  }

  private static CustomFieldDefinition field(
      String key,
      ContractType type,
      FieldKind kind,
      boolean required,
      boolean archived,
      String... choices) {
    return new CustomFieldDefinition(
        UUID.randomUUID(),
        key,
        key,
        type,
        kind,
        required,
        List.of(choices),
        archived,
        Instant.EPOCH,
        Instant.EPOCH,
        0);
  }

  private static final List<CustomFieldDefinition> FIELDS =
      List.of(
          field("region", null, FieldKind.CHOICE, false, "EMEA", "Americas", "APAC"),
          field("note", null, FieldKind.TEXT, false),
          field("seats", ContractType.SERVICES, FieldKind.NUMBER, false),
          field("fee", ContractType.SERVICES, FieldKind.MONEY, false),
          field("go_live", ContractType.SERVICES, FieldKind.DATE, false),
          field("partner", ContractType.SERVICES, FieldKind.PARTY, false),
          field("risk", ContractType.PARTNERSHIP, FieldKind.CHOICE, true, "low", "high"),
          field("legacy", null, FieldKind.TEXT, false, true));

  private final CustomFieldCheck check = new CustomFieldCheck(FIELDS, KNOWN_PARTY::equals);

  private static Map<String, JsonNode> values(String json) throws Exception {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    JSON.readTree(json).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    return values;
  }

  private CustomFieldRules.Checked services(String json) throws Exception {
    return check.check(ContractType.SERVICES, values(json), Map.of(), true);
  }

  @Test
  void takesAValueOfEachKindInItsCanonicalForm() throws Exception {
    CustomFieldRules.Checked checked =
        services(
            """
            {"region": "emea", "note": "  first deal  ", "seats": 12.50,
             "fee": {"amount": 1200.5, "currency": "eur"}, "go_live": "2030-02-01",
             "partner": "%s"}"""
                .formatted(KNOWN_PARTY));

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.values())
        .containsEntry("region", "EMEA")
        .containsEntry("note", "first deal")
        .containsEntry("seats", new BigDecimal("12.5"))
        .containsEntry("go_live", "2030-02-01")
        .containsEntry("partner", KNOWN_PARTY.toString());
    assertThat(checked.values().get("fee"))
        .isEqualTo(Map.of("amount", new BigDecimal("1200.50"), "currency", "EUR"));
  }

  @Test
  void takesMoneyAndNumbersWrittenAsTextAsAnImportGivesThem() throws Exception {
    CustomFieldRules.Checked checked = services("{\"fee\": \"EUR 1,200\", \"seats\": \"1,000\"}");

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.values().get("fee"))
        .isEqualTo(Map.of("amount", new BigDecimal("1200.00"), "currency", "EUR"));
    assertThat(checked.values()).containsEntry("seats", new BigDecimal("1000"));
  }

  @Test
  void namesEveryValueOfTheWrongKind() throws Exception {
    CustomFieldRules.Checked checked =
        services(
            """
            {"region": "Mars", "note": 5, "seats": "many", "fee": {"amount": 1.005, "currency": "EUR"},
             "go_live": "31/12/2030", "partner": "%s"}"""
                .formatted(UUID.randomUUID()));

    assertThat(checked.errors())
        .extracting(FieldError::field)
        .containsExactly(
            "customFields.fee",
            "customFields.go_live",
            "customFields.note",
            "customFields.partner",
            "customFields.region",
            "customFields.seats");
    assertThat(checked.errors())
        .extracting(FieldError::message)
        .contains(
            "has more decimals than EUR allows (2)",
            "must be a date (yyyy-mm-dd)",
            "must be text",
            "does not name a known counterparty",
            "must be one of [EMEA, Americas, APAC]",
            "must be a number");
    assertThat(checked.values()).as("nothing to store").isEmpty();
  }

  @Test
  void refusesAKeyTheTypeHasNot() throws Exception {
    CustomFieldRules.Checked checked =
        check.check(ContractType.NDA, values("{\"seats\": 3, \"nope\": \"x\"}"), Map.of(), true);

    assertThat(checked.errors())
        .containsExactly(
            new FieldError("customFields.nope", "is not a custom field of NDA contracts"),
            new FieldError("customFields.seats", "is not a custom field of NDA contracts"));
  }

  @Test
  void aRequiredFieldMustHaveAValueUnlessTheWriteIsAnImport() throws Exception {
    assertThat(
            check
                .check(ContractType.PARTNERSHIP, values("{\"risk\": null}"), Map.of(), true)
                .errors())
        .containsExactly(new FieldError("customFields.risk", "is required"));
    assertThat(check.check(ContractType.PARTNERSHIP, null, Map.of(), false).errors()).isEmpty();
    assertThat(
            check
                .check(ContractType.PARTNERSHIP, values("{\"risk\": \"HIGH\"}"), Map.of(), true)
                .values())
        .containsEntry("risk", "high");
  }

  @Test
  void leftOutTheStoredValuesStayAndAreCheckedAgain() throws Exception {
    Map<String, Object> stored = new HashMap<>();
    stored.put("seats", 4);
    stored.put("region", "APAC");

    CustomFieldRules.Checked kept = check.check(ContractType.SERVICES, null, stored, true);
    assertThat(kept.errors()).isEmpty();
    assertThat(kept.values())
        .containsEntry("seats", new BigDecimal("4"))
        .containsEntry("region", "APAC");

    CustomFieldRules.Checked otherType = check.check(ContractType.NDA, null, stored, true);
    assertThat(otherType.errors())
        .containsExactly(
            new FieldError("customFields.seats", "is not a custom field of NDA contracts"));
  }

  @Test
  void anArchivedFieldKeepsItsValueAndTakesNoNewOne() throws Exception {
    Map<String, Object> stored = Map.of("legacy", "old value");

    CustomFieldRules.Checked repeated =
        check.check(ContractType.NDA, values("{\"legacy\": \"old value\"}"), stored, true);
    assertThat(repeated.errors()).isEmpty();
    assertThat(repeated.values()).containsEntry("legacy", "old value");

    CustomFieldRules.Checked leftOut = check.check(ContractType.NDA, values("{}"), stored, true);
    assertThat(leftOut.values()).containsEntry("legacy", "old value");

    CustomFieldRules.Checked changed =
        check.check(ContractType.NDA, values("{\"legacy\": \"new\"}"), stored, true);
    assertThat(changed.errors())
        .containsExactly(
            new FieldError("customFields.legacy", "is archived: its value cannot change"));
  }

  @Test
  void textMustBePlainAndNotTooLong() throws Exception {
    assertThat(services("{\"note\": \"a\\u202Eb\"}").errors())
        .extracting(FieldError::field)
        .containsExactly("customFields.note");
    assertThat(services("{\"note\": \"" + "x".repeat(1001) + "\"}").errors())
        .extracting(FieldError::message)
        .containsExactly("is longer than 1000 characters");
    assertThat(services("{\"note\": \"   \"}").values()).doesNotContainKey("note");
  }
}
