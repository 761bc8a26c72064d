package io.contractflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one textual form of an entry's details that its hash covers. PostgreSQL's {@code jsonb} keeps
 * neither key order nor spacing nor the spelling of numbers, so the hash cannot cover the text as
 * it was sent or as it reads back; it covers this form instead, which is the same for any JSON text
 * with the same meaning:
 *
 * <ul>
 *   <li>no whitespace; object members sorted by key, comparing UTF-16 code units (as RFC 8785
 *       does);
 *   <li>numbers in plain decimal notation without exponent and without trailing zeros ({@code 1.50}
 *       and {@code 15E-1} are both {@code 1.5}, {@code 1E+2} is {@code 100}, {@code -0.0} is {@code
 *       0});
 *   <li>strings with {@code "} and {@code \} escaped, control characters as {@code \b \f \n \r \t}
 *       or {@code \}{@code u00xx}, everything else as it is (encoded as UTF-8 when hashed); NUL is
 *       refused, as {@code jsonb} cannot store it.
 * </ul>
 *
 * The writer is ours rather than a library's on purpose: a library upgrade that changed its output
 * would make every stored chain look tampered with. The form must never change; a new one needs a
 * new hash version.
 */
final class CanonicalJson {

  /**
   * Reads numbers exactly (never through {@code double}), so reading back never changes a value.
   */
  private static final ObjectMapper READER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private CanonicalJson() {}

  /** The canonical form of a JSON text, for example the details as PostgreSQL gives them back. */
  static String of(String json) {
    try {
      return of(READER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The canonical form of a tree read with exact numbers. */
  static String of(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  /** The tree of a JSON text with exact numbers, as the canonical form reads it. */
  static JsonNode parse(String json) {
    try {
      return READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(keys.get(i), out);
          out.append(':');
          write(node.get(keys.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default ->
          throw new IllegalArgumentException(
              "Details can hold only JSON values, not " + node.getNodeType());
    }
  }

  private static String number(JsonNode node) {
    if (node.isDouble() || node.isFloat()) {
      double value = node.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("Details cannot hold " + value);
      }
    }
    BigDecimal value =
        node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == 0) {
            throw new IllegalArgumentException(
                "Details cannot hold NUL characters (jsonb cannot store them)");
          } else if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
