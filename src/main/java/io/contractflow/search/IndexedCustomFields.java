package io.contractflow.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contract's custom field values as the index holds them: one keyword term {@code key=value} per
 * field, so that {@code cf.<key>=value} filters with a term and a facet counts the terms that start
 * with {@code key=}. Numbers in plain notation, money as {@code 1200.50 EUR}, dates as {@code
 * yyyy-mm-dd}, parties by counterparty id, text and choices as they are.
 */
final class IndexedCustomFields {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private IndexedCustomFields() {}

  /** The terms of the values stored as JSON ({@code contract.custom_fields}). */
  static List<String> terms(String json) {
    List<String> terms = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return terms;
    }
    JsonNode values;
    try {
      values = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String value = value(field.getValue());
      if (value != null) {
        terms.add(term(field.getKey(), value));
      }
    }
    return terms;
  }

  /** The values the terms hold, by key: what {@link #terms} wrote, read back. */
  static Map<String, String> values(List<String> terms) {
    Map<String, String> values = new TreeMap<>();
    if (terms != null) {
      for (String term : terms) {
        int is = term.indexOf('=');
        if (is > 0) {
          values.put(term.substring(0, is), term.substring(is + 1));
        }
      }
    }
    return values;
  }

  static String term(String key, String value) {
    return key + "=" + value;
  }

  /** The value of a term as a filter names it: what {@link #terms} writes for a stored value. */
  static String value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return plain(node.decimalValue());
    }
    if (node.isObject() && node.has("amount") && node.has("currency")) {
      JsonNode amount = node.get("amount");
      return (amount.isNumber() ? amount.decimalValue().toPlainString() : amount.asText())
          + " "
          + node.get("currency").asText();
    }
    return node.asText();
  }

  /** A number without trailing zeros, never in exponent notation. */
  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
