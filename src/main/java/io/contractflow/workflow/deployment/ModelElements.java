package io.contractflow.workflow.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The elements of a model file, each by its id with a digest of what it says: for BPMN and DMN
 * every element with an id (its attributes, its text and its id-less children such as extension
 * elements and conditions; a child with an id of its own counts only by that id), the diagram's
 * layout left out (moving a shape changes nothing a process does); for a Camunda Form every
 * component by its id. Two deployments of a file then compare as elements added, removed and
 * modified.
 */
final class ModelElements {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelElements() {}

  /** Element id to digest; empty for a file that is neither a model nor a form, or unreadable. */
  static Map<String, String> of(String resourceName, byte[] content) {
    Map<String, String> elements = new TreeMap<>();
    try {
      if (resourceName.endsWith(".bpmn") || resourceName.endsWith(".dmn")) {
        collect(parse(content).getDocumentElement(), elements);
      } else if (resourceName.endsWith(".form")) {
        collectComponents(JSON.readTree(content), elements);
      }
    } catch (Exception unreadable) {
      // the deployment checks and the engine's parser say what is wrong with it; here: no elements
      elements.clear();
    }
    return elements;
  }

  /** The ids in {@code now} that {@code before} lacks, and so on: added, removed, modified. */
  static Diff diff(Map<String, String> before, Map<String, String> now) {
    List<String> added = new ArrayList<>();
    List<String> modified = new ArrayList<>();
    now.forEach(
        (id, digest) -> {
          String old = before.get(id);
          if (old == null) {
            added.add(id);
          } else if (!old.equals(digest)) {
            modified.add(id);
          }
        });
    List<String> removed = before.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    return new Diff(added, removed, modified);
  }

  record Diff(List<String> added, List<String> removed, List<String> modified) {}

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static org.w3c.dom.Document parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
  }

  private static void collect(Element element, Map<String, String> into) {
    if (isLayout(element)) {
      return;
    }
    String id = element.getAttribute("id");
    if (!id.isEmpty()) {
      into.put(id, sha256(canonical(element).getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        collect(nested, into);
      }
    }
  }

  /** The element as text: name, sorted attributes, text, id-less children; id'd children by id. */
  private static String canonical(Element element) {
    StringBuilder out = new StringBuilder("<").append(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (!"xmlns".equals(attribute.getPrefix()) && !"xmlns".equals(attribute.getNodeName())) {
        sorted.put(attribute.getNodeName(), attribute.getNodeValue());
      }
    }
    sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
    out.append('>');
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        if (isLayout(nested)) {
          continue;
        }
        String id = nested.getAttribute("id");
        out.append(id.isEmpty() ? canonical(nested) : "<ref " + id + "/>");
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        out.append(child.getNodeValue().strip());
      }
    }
    return out.append("</>").toString();
  }

  /** Diagram interchange (shapes, edges, bounds): layout, not behaviour. */
  private static boolean isLayout(Element element) {
    String namespace = element.getNamespaceURI();
    return namespace != null
        && (namespace.endsWith("/DI") || namespace.endsWith("/DC") || namespace.contains("DMNDI"));
  }

  private static void collectComponents(JsonNode node, Map<String, String> into) {
    JsonNode components = node.get("components");
    if (components == null || !components.isArray()) {
      return;
    }
    for (JsonNode component : components) {
      JsonNode id = component.get("id");
      if (id != null && id.isTextual()) {
        into.put(
            id.asText(),
            sha256(component.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16));
      }
      collectComponents(component, into);
    }
  }
}
