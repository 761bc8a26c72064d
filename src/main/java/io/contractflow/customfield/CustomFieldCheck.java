package io.contractflow.customfield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.contract.ContractType;
import io.contractflow.contract.CustomFieldRules;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.validation.PlainTextValidator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check of a contract's custom field values against the fields of its type: no unknown key,
 * each value of its field's kind (a choice one of its choices, a party an existing counterparty),
 * every required field filled; archived fields keep their values and take no new ones. Pure: the
 * fields and the counterparties' existence are given.
 */
final class CustomFieldCheck {

  static final int MAX_TEXT = 1000;
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000000");
  private static final int MAX_DECIMALS = 4;
  private static final Pattern MONEY_TEXT =
      Pattern.compile(
          "(?:([A-Za-z]{3})\\s*)?([-+]?[0-9][0-9,]*(?:\\.[0-9]+)?)(?:\\s*([A-Za-z]{3}))?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, CustomFieldDefinition> fields;
  private final Predicate<UUID> counterpartyExists;

  /**
   * @param fields every field there is (of any type, archived too)
   * @param counterpartyExists whether a counterparty with this id exists
   */
  CustomFieldCheck(List<CustomFieldDefinition> fields, Predicate<UUID> counterpartyExists) {
    this.fields = new LinkedHashMap<>();
    fields.forEach(f -> this.fields.put(f.key(), f));
    this.counterpartyExists = counterpartyExists;
  }

  CustomFieldRules.Checked check(
      ContractType type,
      Map<String, JsonNode> requested,
      Map<String, Object> current,
      boolean requireAll) {
    Map<String, Object> stored = current == null ? Map.of() : current;
    Map<String, JsonNode> asked = new TreeMap<>();
    if (requested == null) {
      stored.forEach((key, value) -> asked.put(key, JSON.valueToTree(value)));
    } else {
      asked.putAll(requested);
    }
    Map<String, Object> values = new TreeMap<>();
    List<FieldError> errors = new ArrayList<>();
    // archived fields keep what the contract holds, whatever the request says (unless it changes
    // it)
    stored.forEach(
        (key, value) -> {
          CustomFieldDefinition field = fields.get(key);
          if (field != null && field.archived()) {
            values.put(key, value);
          }
        });
    asked.forEach(
        (key, node) -> {
          String path = "customFields." + key;
          CustomFieldDefinition field = fields.get(key);
          if (field == null || (type != null && !field.appliesTo(type))) {
            errors.add(
                new FieldError(
                    path,
                    "is not a custom field of "
                        + (type == null ? "this" : type.name())
                        + " contracts"));
            return;
          }
          boolean empty = node == null || node.isNull();
          if (field.archived()) {
            if (!empty && !sameValue(field, node, stored.get(key))) {
              errors.add(new FieldError(path, "is archived: its value cannot change"));
            }
            return;
          }
          if (empty) {
            return;
          }
          try {
            Object value = canonical(field, node);
            if (value != null) {
              values.put(key, value);
            }
          } catch (IllegalArgumentException invalid) {
            errors.add(new FieldError(path, invalid.getMessage()));
          }
        });
    if (requireAll && type != null) {
      fields.values().stream()
          .filter(f -> f.required() && !f.archived() && f.appliesTo(type))
          .filter(f -> !values.containsKey(f.key()))
          .filter(f -> errors.stream().noneMatch(e -> e.field().equals("customFields." + f.key())))
          .forEach(f -> errors.add(new FieldError("customFields." + f.key(), "is required")));
    }
    errors.sort(java.util.Comparator.comparing(FieldError::field));
    return new CustomFieldRules.Checked(errors.isEmpty() ? values : Map.of(), List.copyOf(errors));
  }

  private boolean sameValue(CustomFieldDefinition field, JsonNode node, Object stored) {
    if (stored == null) {
      return false;
    }
    try {
      return Objects.equals(
          JSON.valueToTree(normalised(canonical(field, node))),
          JSON.valueToTree(normalised(stored)));
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  private static Object normalised(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalised(v)));
      return copy;
    }
    return value;
  }

  /**
   * The value in its stored form, or null for empty text.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  Object canonical(CustomFieldDefinition field, JsonNode node) {
    return switch (field.kind()) {
      case TEXT -> text(node);
      case NUMBER -> number(node);
      case MONEY -> money(node);
      case DATE -> date(node);
      case CHOICE -> choice(field, node);
      case PARTY -> party(node);
    };
  }

  private static String text(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("must be text");
    }
    String text = node.textValue().strip();
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("is longer than " + MAX_TEXT + " characters");
    }
    if (text.codePoints().anyMatch(PlainTextValidator::hidden)) {
      throw new IllegalArgumentException(
          "must be plain text on one line (no control or invisible characters)");
    }
    return text.isEmpty() ? null : text;
  }

  static BigDecimal number(JsonNode node) {
    BigDecimal number;
    if (node.isNumber()) {
      number = node.decimalValue();
    } else if (node.isTextual()) {
      try {
        number = new BigDecimal(node.textValue().strip().replace(",", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number");
      }
    } else {
      throw new IllegalArgumentException("must be a number");
    }
    if (number.abs().compareTo(MAX_NUMBER) >= 0) {
      throw new IllegalArgumentException("must be less than 10^15 in size");
    }
    if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw new IllegalArgumentException("has more than " + MAX_DECIMALS + " decimals");
    }
    return number.scale() < 0 ? number.setScale(0, RoundingMode.UNNECESSARY) : number;
  }

  private static Map<String, Object> money(JsonNode node) {
    BigDecimal amount;
    String code;
    if (node.isObject()) {
      JsonNode a = node.get("amount");
      JsonNode c = node.get("currency");
      if (a == null || a.isNull() || c == null || !c.isTextual() || node.size() != 2) {
        throw new IllegalArgumentException(
            "must be an amount and a currency: {\"amount\": 1200.50, \"currency\": \"EUR\"}");
      }
      amount = number(a);
      code = c.textValue().strip();
    } else if (node.isTextual()) {
      Matcher m = MONEY_TEXT.matcher(node.textValue().strip());
      if (!m.matches() || (m.group(1) == null) == (m.group(3) == null)) {
        throw new IllegalArgumentException("must be an amount with its currency, e.g. 1200.50 EUR");
      }
      amount = number(JSON.getNodeFactory().textNode(m.group(2)));
      code = m.group(1) != null ? m.group(1) : m.group(3);
    } else {
      throw new IllegalArgumentException(
          "must be an amount and a currency: {\"amount\": 1200.50, \"currency\": \"EUR\"}");
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has no ISO 4217 currency code");
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    int digits = currency.getDefaultFractionDigits();
    if (digits >= 0) {
      if (amount.stripTrailingZeros().scale() > digits) {
        throw new IllegalArgumentException(
            "has more decimals than " + currency.getCurrencyCode() + " allows (" + digits + ")");
      }
      amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }
    Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", amount);
    money.put("currency", currency.getCurrencyCode());
    return money;
  }

  private static String date(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("must be a date (yyyy-mm-dd)");
    }
    try {
      return LocalDate.parse(node.textValue().strip()).toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date (yyyy-mm-dd)");
    }
  }

  private static String choice(CustomFieldDefinition field, JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("must be one of " + field.choices());
    }
    String asked = node.textValue().strip();
    return field.choices().stream()
        .filter(c -> c.equalsIgnoreCase(asked))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + field.choices()));
  }

  private String party(JsonNode node) {
    UUID id;
    try {
      id = UUID.fromString(node.isTextual() ? node.textValue().strip() : "");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be the id of a counterparty");
    }
    if (!counterpartyExists.test(id)) {
      throw new IllegalArgumentException("does not name a known counterparty");
    }
    return id.toString();
  }
}
