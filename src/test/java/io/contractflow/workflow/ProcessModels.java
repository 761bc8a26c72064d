package io.contractflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * What the process designer's files name, read from their text as Camunda Modeler writes them: the
 * beans of {@code delegateExpression}s, the process variables of every expression, attribute, DMN
 * input and form field, the values a model compares a variable with, sets it to or a form offers
 * for it, the ids of the tasks and the names of the messages. The tests that hold the Java side to
 * the models ({@code ModelVocabularyTest}, {@code DelegateTrustIT}) read them through this one
 * reader.
 */
public final class ProcessModels {

  /**
   * A {@code delegateExpression}: the bean, and the element that uses it (a task, or the task of a
   * listener).
   */
  public record BeanUse(
      String file, String elementId, String elementType, String elementName, String bean) {}

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern BEAN_EXPRESSION =
      Pattern.compile("^\\s*[$#]\\{\\s*(\\w+)\\s*}\\s*$");
  private static final Pattern SET_VARIABLE =
      Pattern.compile("setVariable(?:Local)?\\(\\s*'(\\w+)'\\s*,\\s*'([^']*)'");
  private static final Pattern NAMED_VARIABLE =
      Pattern.compile("(?:get|set|remove)Variable(?:Local)?\\(\\s*'(\\w+)'");
  private static final Pattern COMPARED =
      Pattern.compile("(?<![.\\w])(\\w+)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'");
  private static final Pattern COMPARED_REVERSED =
      Pattern.compile("'([^']*)'\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*(\\w+)(?![.\\w(])");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(?![\\w'\"]|\\s*\\()");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)");

  /**
   * Words of the expression languages and the objects the engine puts in every expression: no
   * variables.
   */
  private static final Set<String> NOT_VARIABLES =
      Set.of(
          "execution",
          "task",
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod",
          "instanceof",
          "authenticatedUserId");

  private static final Set<String> TEXT_WITH_EXPRESSIONS =
      Set.of(
          "conditionExpression",
          "completionCondition",
          "timeDate",
          "timeDuration",
          "timeCycle",
          "loopCardinality",
          "inputParameter",
          "outputParameter");
  private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";

  private final List<BeanUse> beans = new ArrayList<>();
  private final Map<String, Set<String>> variables = new TreeMap<>();
  private final Map<String, Set<String>> values = new TreeMap<>();
  private final Set<String> taskIds = new TreeSet<>();
  private final Set<String> messages = new TreeSet<>();
  private final Set<String> roles = new TreeSet<>();

  private ProcessModels() {}

  /**
   * The models ({@code *.bpmn}, {@code *.dmn}) and forms ({@code *.form}) of the designer's folder.
   */
  public static ProcessModels read(Path folder) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.toList()) {
        String name = path.getFileName().toString();
        if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
          files.put(name, Files.readString(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(files);
  }

  /** The given files' models and forms, by file name (the tests of the checks give their own). */
  public static ProcessModels of(Map<String, String> files) {
    ProcessModels models = new ProcessModels();
    files.forEach(
        (name, text) -> {
          if (name.endsWith(".form")) {
            models.readForm(name, text);
          } else {
            models.readXml(name, text);
          }
        });
    return models;
  }

  public List<BeanUse> beans() {
    return List.copyOf(beans);
  }

  /** Each variable a model or form names, with the files that name it. */
  public Map<String, Set<String>> variables() {
    return variables;
  }

  /** Each variable's values that a model compares it with, sets it to or a form offers. */
  public Map<String, Set<String>> values() {
    return values;
  }

  /** The ids of the tasks (user, service, business rule, ...) of the models. */
  public Set<String> taskIds() {
    return taskIds;
  }

  /** The roles ({@code contractflow.role} properties) the models' user tasks play. */
  public Set<String> roles() {
    return roles;
  }

  public Set<String> messages() {
    return messages;
  }

  private void readXml(String file, String text) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      root =
          factory
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(text)))
              .getDocumentElement();
    } catch (Exception unreadable) {
      throw new IllegalArgumentException(file + " is no readable model", unreadable);
    }
    walk(file, root, file.endsWith(".dmn"));
  }

  private void walk(String file, Element element, boolean dmn) {
    String local = element.getLocalName();
    if (!dmn && local.endsWith("Task") && !CAMUNDA_BPMN.equals(element.getNamespaceURI())) {
      taskIds.add(element.getAttribute("id"));
    }
    if (!dmn
        && local.equals("property")
        && CAMUNDA_BPMN.equals(element.getNamespaceURI())
        && "contractflow.role".equals(element.getAttribute("name"))) {
      roles.add(element.getAttribute("value"));
    }
    if (!dmn && local.equals("message") && !element.getAttribute("name").isEmpty()) {
      messages.add(element.getAttribute("name"));
    }
    if (dmn
        && local.equals("text")
        && element.getParentNode() instanceof Element parent
        && parent.getLocalName().equals("inputExpression")) {
      identifiers(file, element.getTextContent());
    }
    boolean camunda = CAMUNDA_BPMN.equals(element.getNamespaceURI());
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      if (name.equals("delegateExpression")) {
        Matcher bean = BEAN_EXPRESSION.matcher(value);
        Element owner = camunda ? ownerOf(element) : element;
        beans.add(
            new BeanUse(
                file,
                owner.getAttribute("id"),
                owner.getLocalName(),
                owner.getAttribute("name"),
                bean.matches() ? bean.group(1) : value));
      } else if (name.equals("resultVariable")
          || name.equals("elementVariable")
          || (camunda && (name.equals("source") || name.equals("target")))
          || (camunda
              && name.equals("name")
              && (local.equals("inputParameter") || local.equals("outputParameter")))) {
        variable(file, value);
      } else if (value.contains("${") || value.contains("#{")) {
        expressions(file, value);
      }
    }
    if (TEXT_WITH_EXPRESSIONS.contains(local)) {
      expressions(file, directText(element));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(file, childElement, dmn);
      }
    }
  }

  /** The BPMN element a Camunda extension (a listener) belongs to. */
  private static Element ownerOf(Element extension) {
    Node node = extension.getParentNode();
    while (node instanceof Element element
        && (CAMUNDA_BPMN.equals(element.getNamespaceURI())
            || element.getLocalName().equals("extensionElements"))) {
      node = node.getParentNode();
    }
    return (Element) node;
  }

  private static String directText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private void expressions(String file, String text) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = expression.group(1);
      Matcher set = SET_VARIABLE.matcher(body);
      while (set.find()) {
        value(set.group(1), set.group(2));
      }
      Matcher named = NAMED_VARIABLE.matcher(body);
      while (named.find()) {
        variable(file, named.group(1));
      }
      Matcher compared = COMPARED.matcher(body);
      while (compared.find()) {
        value(compared.group(1), compared.group(2));
      }
      Matcher reversed = COMPARED_REVERSED.matcher(body);
      while (reversed.find()) {
        value(reversed.group(2), reversed.group(1));
      }
      identifiers(file, body);
    }
  }

  private void identifiers(String file, String expression) {
    Matcher identifier = IDENTIFIER.matcher(expression.replaceAll("'[^']*'|\"[^\"]*\"", "''"));
    while (identifier.find()) {
      if (!NOT_VARIABLES.contains(identifier.group(1))) {
        variable(file, identifier.group(1));
      }
    }
  }

  private void readForm(String file, String text) {
    JsonNode form;
    try {
      form = new ObjectMapper().readTree(text);
    } catch (IOException unreadable) {
      throw new IllegalArgumentException(file + " is no readable form", unreadable);
    }
    form(file, form);
  }

  private void form(String file, JsonNode node) {
    if (node.isObject()) {
      JsonNode key = node.get("key");
      if (key != null && key.isTextual() && node.has("type")) {
        variable(file, key.asText());
        node.path("values").forEach(option -> value(key.asText(), option.path("value").asText()));
      }
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getValue().isTextual()) {
                  String value = field.getValue().asText();
                  Matcher template = TEMPLATE.matcher(value);
                  while (template.find()) {
                    variable(file, template.group(1));
                  }
                  if (value.startsWith("=")) {
                    identifiers(file, value.substring(1));
                  }
                }
              });
    }
    if (node.isContainerNode()) {
      node.forEach(child -> form(file, child));
    }
  }

  private void variable(String file, String name) {
    variables.computeIfAbsent(name, n -> new TreeSet<>()).add(file);
  }

  private void value(String variable, String value) {
    values.computeIfAbsent(variable, n -> new TreeSet<>()).add(value);
  }
}
