package io.contractflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the details of an entry about a client's change within {@link AuditTrail#MAX_DETAILS}: old
 * and new values of long texts (descriptions, ten signers) could together be longer, and a change
 * must never fail because its record is too long. Texts are cut, ever shorter, until the details
 * fit; each cut text ends in an ellipsis.
 */
final class DetailsFit {

  private static final List<Integer> CUTS = List.of(Integer.MAX_VALUE, 500, 200, 80, 20);

  private DetailsFit() {}

  static Map<String, Object> fit(ObjectMapper json, Map<String, ?> details) {
    ObjectNode whole = json.valueToTree(details);
    for (int cut : CUTS) {
      ObjectNode clipped = (ObjectNode) clip(whole.deepCopy(), cut);
      if (CanonicalJson.of(clipped).length() <= AuditTrail.MAX_DETAILS) {
        Map<String, Object> fitted = new LinkedHashMap<>();
        clipped.fields().forEachRemaining(field -> fitted.put(field.getKey(), field.getValue()));
        return fitted;
      }
    }
    throw new IllegalArgumentException(
        "Details do not fit an audit entry even with every text cut short");
  }

  private static JsonNode clip(JsonNode node, int cut) {
    if (node.isTextual() && node.textValue().length() > cut) {
      return TextNode.valueOf(Summaries.cut(node.textValue(), cut));
    }
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> field.setValue(clip(field.getValue(), cut)));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, clip(array.get(i), cut));
      }
    }
    return node;
  }
}
