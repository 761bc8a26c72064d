package io.contractflow.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.contractflow.platform.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;

/**
 * The {@code search_after} values of a page's last hit, handed to the client as an opaque URL-safe
 * token and read back from it. A token that does not parse, or does not fit the sort it is used
 * with, is a 400.
 */
record SearchCursor(List<FieldValue> values) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static SearchCursor of(List<FieldValue> sortValues) {
    return new SearchCursor(List.copyOf(sortValues));
  }

  String encode() {
    ArrayNode array = JSON.createArrayNode();
    for (FieldValue value : values) {
      if (value.isString()) {
        array.add(value.stringValue());
      } else if (value.isLong()) {
        array.add(value.longValue());
      } else if (value.isDouble()) {
        array.add(value.doubleValue());
      } else if (value.isBoolean()) {
        array.add(value.booleanValue());
      } else {
        array.addNull();
      }
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(array.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static SearchCursor decode(String token, int expectedValues) {
    try {
      JsonNode array = JSON.readTree(Base64.getUrlDecoder().decode(token));
      if (array == null || !array.isArray() || array.size() != expectedValues) {
        throw invalid();
      }
      List<FieldValue> values = new ArrayList<>();
      for (JsonNode node : array) {
        if (node.isTextual()) {
          values.add(FieldValue.of(node.textValue()));
        } else if (node.isIntegralNumber()) {
          values.add(FieldValue.of(node.longValue()));
        } else if (node.isNumber()) {
          values.add(FieldValue.of(node.doubleValue()));
        } else if (node.isBoolean()) {
          values.add(FieldValue.of(node.booleanValue()));
        } else if (node.isNull()) {
          values.add(FieldValue.NULL);
        } else {
          throw invalid();
        }
      }
      return new SearchCursor(values);
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
  }

  private static InvalidInputException invalid() {
    return InvalidInputException.field(
        "after", "is not a cursor of this search (use nextCursor from the previous page)");
  }
}
