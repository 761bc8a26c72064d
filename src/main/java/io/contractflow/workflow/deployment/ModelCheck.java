package io.contractflow.workflow.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.workflow.steps.TemplatedStep;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The checks a deployment passes before the engine takes it: every problem of every model in it, in
 * words, so that one refusal names them all. A BPMN model may not
 *
 * <ul>
 *   <li>name a bean that is no delegate of the platform: a {@code delegateExpression} (of a task or
 *       a listener) or the object of a method call in a {@code camunda:expression} ({@code
 *       ${someService.call()}}); nor a Java class ({@code camunda:class}), which would reach past
 *       the delegates;
 *   <li>refer to a form ({@code camunda:formRef}) that is neither in the deployment nor deployed;
 *   <li>leave a required field of a platform element template empty or invalid, or change what the
 *       template fixes ({@code camunda:modelerTemplate}, {@link ElementTemplates}, and the step's
 *       own {@link TemplatedStep#check});
 *   <li>lack {@code camunda:historyTimeToLive} on an executable process;
 *   <li>offer a task to a candidate group the identity service does not know (when it can tell).
 * </ul>
 *
 * Values that are expressions are known only when the process runs and are left to the engine.
 */
public final class ModelCheck {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DELEGATE =
      Pattern.compile("^\\s*[$#]\\{\\s*(\\w+)\\s*(?:[.(].*)?}\\s*$", Pattern.DOTALL);
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern CALLED_OBJECT =
      Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)\\s*\\.");
  private static final Set<String> ENGINE_OBJECTS =
      Set.of("execution", "task", "externalTask", "caseExecution", "variableScope");

  /** What the platform knows beyond the deployment itself. */
  public interface Platform {

    /** Whether expressions may name this bean (a delegate of the workflow). */
    boolean isDelegate(String bean);

    /** Whether a form of this key (its id) is already deployed. */
    boolean formDeployed(String key);

    /** Whether the identity service knows the group; empty when it cannot tell. */
    Optional<Boolean> groupKnown(String groupId);
  }

  /** One problem: the resource, the element (or null for the whole resource), what is wrong. */
  public record Problem(String resource, String elementId, String message) {
    @Override
    public String toString() {
      return resource + (elementId == null ? "" : " " + elementId) + ": " + message;
    }
  }

  private final ElementTemplates templates;
  private final Map<String, TemplatedStep> steps;
  private final Platform platform;

  public ModelCheck(
      ElementTemplates templates, Iterable<? extends TemplatedStep> steps, Platform platform) {
    this.templates = templates;
    this.steps = new LinkedHashMap<>();
    steps.forEach(step -> this.steps.put(step.templateId(), step));
    this.platform = platform;
  }

  /** The problems of a deployment's resources (by name); empty when it may be deployed. */
  public List<Problem> check(Map<String, byte[]> resources) {
    Set<String> forms = new TreeSet<>();
    resources.forEach(
        (name, content) -> {
          if (name.endsWith(".form")) {
            formId(content).ifPresent(forms::add);
          }
        });
    List<Problem> problems = new ArrayList<>();
    resources.forEach(
        (name, content) -> {
          if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            try {
              Document document = parse(content);
              new ResourceCheck(name, forms, problems).check(document.getDocumentElement());
            } catch (SAXException | IOException notXml) {
              problems.add(
                  new Problem(name, null, "not a well-formed XML model: " + notXml.getMessage()));
            }
          }
        });
    return problems;
  }

  private static Optional<String> formId(byte[] content) {
    try {
      JsonNode form = JSON.readTree(content);
      return form.hasNonNull("id") ? Optional.of(form.get("id").asText()) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  /** The model; throws when it is no well-formed XML (or declares a DOCTYPE). */
  private static Document parse(byte[] content) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class ResourceCheck {

    private final String resource;
    private final Set<String> forms;
    private final List<Problem> problems;

    ResourceCheck(String resource, Set<String> forms, List<Problem> problems) {
      this.resource = resource;
      this.forms = forms;
      this.problems = problems;
    }

    void check(Element element) {
      checkElement(element);
      NodeList children = element.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i) instanceof Element child) {
          check(child);
        }
      }
    }

    private void problem(Element element, String message) {
      problems.add(new Problem(resource, elementId(element), message));
    }

    private void checkElement(Element element) {
      String namespace = element.getNamespaceURI();
      String type = element.getLocalName();
      if (BPMN.equals(namespace) && "process".equals(type)) {
        checkProcess(element);
      }
      boolean listener =
          CAMUNDA.equals(namespace)
              && ("taskListener".equals(type) || "executionListener".equals(type));
      String delegate =
          listener
              ? attr(element, "", "delegateExpression")
              : camunda(element, "delegateExpression");
      if (delegate != null) {
        checkDelegate(element, delegate);
      }
      String expression =
          listener ? attr(element, "", "expression") : camunda(element, "expression");
      if (expression != null) {
        checkCalledObjects(element, expression);
      }
      String javaClass = listener ? attr(element, "", "class") : camunda(element, "class");
      if (javaClass != null) {
        problem(
            element,
            "names the Java class "
                + javaClass
                + "; the platform's steps are delegate beans (camunda:delegateExpression) or its"
                + " element templates");
      }
      if (BPMN.equals(namespace)) {
        String formRef = camunda(element, "formRef");
        if (formRef != null) {
          checkForm(element, formRef);
        }
        String groups = camunda(element, "candidateGroups");
        if (groups != null) {
          checkGroups(element, groups);
        }
        String template = camunda(element, "modelerTemplate");
        if (template != null) {
          checkTemplate(element, template);
        }
      }
    }

    private void checkProcess(Element process) {
      if ("false".equals(attr(process, "", "isExecutable"))) {
        return;
      }
      String ttl = camunda(process, "historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        problem(
            process,
            "the process has no camunda:historyTimeToLive (days its history is kept after it"
                + " ended; the lifecycle's models keep 3650)");
      }
    }

    private void checkDelegate(Element element, String expression) {
      Matcher bean = DELEGATE.matcher(expression);
      if (!bean.matches()) {
        problem(
            element,
            "delegateExpression "
                + expression
                + " is no ${bean}: name one of the platform's delegates");
      } else if (!platform.isDelegate(bean.group(1))) {
        problem(
            element,
            "delegateExpression "
                + expression
                + " names "
                + bean.group(1)
                + ", which is no delegate bean of the platform");
      }
    }

    private void checkCalledObjects(Element element, String text) {
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        Matcher called = CALLED_OBJECT.matcher(expression.group(1));
        while (called.find()) {
          String name = called.group(1);
          if (!ENGINE_OBJECTS.contains(name) && !platform.isDelegate(name)) {
            problem(
                element,
                "the expression "
                    + text
                    + " calls "
                    + name
                    + ", which is no delegate bean of the platform (expressions reach the"
                    + " platform's delegates and execution or task only)");
          }
        }
      }
    }

    private void checkForm(Element element, String formRef) {
      boolean sameDeployment = "deployment".equals(camunda(element, "formRefBinding"));
      if (isExpression(formRef)
          || forms.contains(formRef)
          || (!sameDeployment && platform.formDeployed(formRef))) {
        return;
      }
      problem(
          element,
          "camunda:formRef "
              + formRef
              + (sameDeployment
                  ? " names no form of this deployment (formRefBinding deployment; add "
                  : " names no form of this deployment and no deployed form (add ")
              + formRef
              + ".form, whose id is "
              + formRef
              + ", to the deployment)");
    }

    private void checkGroups(Element element, String groups) {
      if (isExpression(groups)) {
        return;
      }
      for (String group : groups.split(",")) {
        String id = group.trim();
        if (!id.isEmpty() && platform.groupKnown(id).map(known -> !known).orElse(false)) {
          problem(
              element,
              "candidate group "
                  + id
                  + " is no group of the identity service (create it in Admin, or in Keycloak"
                  + " with the keycloak profile, before deploying)");
        }
      }
    }

    private void checkTemplate(Element element, String templateId) {
      if (!templateId.startsWith(ElementTemplates.PREFIX)) {
        return;
      }
      String versionText = camunda(element, "modelerTemplateVersion");
      Integer version = null;
      if (versionText != null) {
        try {
          version = Integer.valueOf(versionText.trim());
        } catch (NumberFormatException bad) {
          problem(element, "camunda:modelerTemplateVersion " + versionText + " is no number");
          return;
        }
      }
      Optional<ElementTemplates.Template> found = templates.get(templateId, version);
      if (found.isEmpty()) {
        problem(
            element,
            "uses the element template "
                + templateId
                + (version == null ? "" : " version " + version)
                + ", which the platform does not ship (processes/element-templates/)");
        return;
      }
      ElementTemplates.Template template = found.get();
      String bpmnType =
          "bpmn:"
              + Character.toUpperCase(element.getLocalName().charAt(0))
              + element.getLocalName().substring(1);
      if (!template.appliesTo().isEmpty() && !template.appliesTo().contains(bpmnType)) {
        problem(
            element,
            "the element template "
                + templateId
                + " applies to "
                + template.appliesTo()
                + ", not to a "
                + bpmnType);
        return;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (ElementTemplates.Field field : template.fields()) {
        String value = value(element, field);
        if ("camunda:inputParameter".equals(field.bindingType())
            || "camunda:field".equals(field.bindingType())) {
          if (value != null) {
            values.put(field.name(), value);
          }
        }
        checkField(element, template, field, value);
      }
      TemplatedStep step = steps.get(templateId);
      if (step != null) {
        Map<String, String> known = new LinkedHashMap<>();
        values.forEach(
            (name, value) -> {
              if (!isExpression(value)) {
                known.put(name, value);
              }
            });
        step.check(known).forEach(message -> problem(element, template.name() + ": " + message));
      }
    }

    private void checkField(
        Element element,
        ElementTemplates.Template template,
        ElementTemplates.Field field,
        String value) {
      String what = template.name() + ": " + field.title();
      if (field.fixedValue() != null) {
        if (!field.fixedValue().equals(value)) {
          problem(
              element,
              what
                  + " is "
                  + (value == null ? "missing" : "'" + value + "'")
                  + ", but the template sets it to '"
                  + field.fixedValue()
                  + "' (apply the template again in Modeler)");
        }
        return;
      }
      if (value == null || value.isBlank()) {
        if (field.notEmpty()) {
          problem(element, what + " is required but empty");
        }
        return;
      }
      if (field.maxLength() != null && value.length() > field.maxLength()) {
        problem(element, what + " is longer than " + field.maxLength() + " characters");
      }
      if (field.pattern() != null && !field.pattern().matcher(value).find()) {
        problem(
            element,
            what
                + " '"
                + value
                + "' is invalid"
                + (field.patternMessage() == null ? "" : ": " + field.patternMessage()));
      }
      if (!field.choices().isEmpty()
          && !steps.containsKey(template.id())
          && !isExpression(value)
          && !field.choices().contains(value)) {
        problem(element, what + " '" + value + "' is none of " + field.choices());
      }
    }

    /** The value the element gives a template field's binding; null when it gives none. */
    private String value(Element element, ElementTemplates.Field field) {
      String name = field.name();
      switch (field.bindingType() == null ? "" : field.bindingType()) {
        case "property":
          return name.startsWith("camunda:")
              ? camunda(element, name.substring("camunda:".length()))
              : attr(element, "", name);
        case "camunda:inputParameter":
          for (Element parameter : extensions(element, "inputOutput", "inputParameter")) {
            if (name.equals(parameter.getAttribute("name"))) {
              return content(parameter);
            }
          }
          return null;
        case "camunda:field":
          for (Element fieldElement : extensions(element, null, "field")) {
            if (name.equals(fieldElement.getAttribute("name"))) {
              for (String attribute : List.of("stringValue", "expression")) {
                if (fieldElement.hasAttribute(attribute)) {
                  return fieldElement.getAttribute(attribute);
                }
              }
              return content(fieldElement);
            }
          }
          return null;
        case "camunda:property":
          for (Element property : extensions(element, "properties", "property")) {
            if (name.equals(property.getAttribute("name"))) {
              return property.getAttribute("value");
            }
          }
          return null;
        case "camunda:in:businessKey":
          for (Element in : extensions(element, null, "in")) {
            if (in.hasAttribute("businessKey")) {
              return in.getAttribute("businessKey");
            }
          }
          return null;
        case "camunda:in":
          for (Element in : extensions(element, null, "in")) {
            if (name != null && name.equals(in.getAttribute("target"))) {
              return in.hasAttribute("source")
                  ? in.getAttribute("source")
                  : in.getAttribute("sourceExpression");
            }
          }
          return null;
        case "camunda:out":
          for (Element out : extensions(element, null, "out")) {
            if (name != null && name.equals(out.getAttribute("source"))) {
              return out.getAttribute("target");
            }
          }
          return null;
        case "camunda:executionListener":
          for (Element listener : extensions(element, null, "executionListener")) {
            if (field.event() == null || field.event().equals(listener.getAttribute("event"))) {
              String attribute = name == null ? "delegateExpression" : name;
              if (listener.hasAttribute(attribute)
                  && listener.getAttribute(attribute).equals(field.fixedValue())) {
                return field.fixedValue();
              }
            }
          }
          return null;
        default:
          return null;
      }
    }
  }

  /** The text of a parameter; a script, list or map inside it counts as an expression. */
  private static String content(Element element) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
        return "${(" + children.item(i).getLocalName() + ")}";
      }
    }
    return element.getTextContent().trim();
  }

  /** The camunda elements under the element's extensionElements (inside a wrapper, if named). */
  private static List<Element> extensions(Element element, String wrapper, String type) {
    List<Element> found = new ArrayList<>();
    for (Element extensions : children(element, BPMN, "extensionElements")) {
      List<Element> holders =
          wrapper == null ? List.of(extensions) : children(extensions, CAMUNDA, wrapper);
      for (Element holder : holders) {
        found.addAll(children(holder, CAMUNDA, type));
      }
    }
    return found;
  }

  private static List<Element> children(Element element, String namespace, String type) {
    List<Element> found = new ArrayList<>();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child
          && namespace.equals(child.getNamespaceURI())
          && type.equals(child.getLocalName())) {
        found.add(child);
      }
    }
    return found;
  }

  private static String camunda(Element element, String name) {
    return attr(element, CAMUNDA, name);
  }

  private static String attr(Element element, String namespace, String name) {
    boolean present =
        namespace.isEmpty() ? element.hasAttribute(name) : element.hasAttributeNS(namespace, name);
    if (!present) {
      return null;
    }
    return namespace.isEmpty()
        ? element.getAttribute(name)
        : element.getAttributeNS(namespace, name);
  }

  /** The id of the element, or of the nearest element around it that has one. */
  private static String elementId(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (e.hasAttribute("id") && BPMN.equals(e.getNamespaceURI())) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }

  /** The problems as one text: a numbered list. */
  public static String describe(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < problems.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(problems.get(i));
    }
    return text.toString();
  }
}
