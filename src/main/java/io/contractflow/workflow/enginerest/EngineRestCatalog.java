package io.contractflow.workflow.enginerest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;

/**
 * Every operation of Camunda's REST API, read from its JAX-RS annotations: the root resources of
 * {@link CamundaRestResources} and, through their sub-resource locators, every sub-resource. {@code
 * /engine-rest} and the webapps' {@code /camunda/api/engine/engine/{name}} serve the same
 * operations; {@link #resolve} finds the one a request reaches the way JAX-RS would (the most
 * literal template wins).
 */
public final class EngineRestCatalog {

  private static final Map<Class<? extends Annotation>, String> HTTP =
      Map.of(
          GET.class,
          "GET",
          POST.class,
          "POST",
          PUT.class,
          "PUT",
          DELETE.class,
          "DELETE",
          OPTIONS.class,
          "OPTIONS",
          HEAD.class,
          "HEAD",
          PATCH.class,
          "PATCH");
  private static final int MAX_DEPTH = 8;

  private static final EngineRestCatalog CAMUNDA = build();

  private final List<EngineOperation> operations;
  private final Map<EngineOperation, Pattern> patterns = new LinkedHashMap<>();

  private EngineRestCatalog(List<EngineOperation> operations) {
    this.operations = List.copyOf(operations);
    operations.forEach(op -> patterns.put(op, op.pattern()));
  }

  /** The catalog of the Camunda REST API on the classpath. */
  public static EngineRestCatalog camunda() {
    return CAMUNDA;
  }

  public List<EngineOperation> operations() {
    return operations;
  }

  /**
   * The operation a request to {@code path} (below the engine) reaches, if any; HEAD is served by
   * GET.
   */
  public Optional<EngineOperation> resolve(String httpMethod, String path) {
    String method = "HEAD".equals(httpMethod) ? "GET" : httpMethod;
    return patterns.entrySet().stream()
        .filter(e -> e.getKey().httpMethod().equals(method) && e.getValue().matcher(path).matches())
        .map(Map.Entry::getKey)
        .max(
            Comparator.comparingInt(EngineOperation::literalCharacters)
                .thenComparingInt(EngineOperation::variables));
  }

  private static EngineRestCatalog build() {
    Map<String, EngineOperation> found = new LinkedHashMap<>();
    for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
      Path root = classPath(resource);
      if (root == null) {
        continue; // providers, mappers: not resources
      }
      if (NamedProcessEngineRestServiceImpl.class.isAssignableFrom(resource)) {
        // /engine/{name}/... repeats every resource for a named engine: requests are read without
        // that prefix
        for (Method method : annotatedMethods(resource)) {
          String http = httpMethod(method);
          Path path = findAnnotation(method, Path.class);
          if (http != null) {
            String template = join(root.value(), path == null ? "" : path.value());
            found.putIfAbsent(
                http + " " + template, new EngineOperation(http, template, method.getName()));
          }
        }
        continue;
      }
      walk(resource, root.value(), found, new ArrayDeque<>());
    }
    List<EngineOperation> sorted = new ArrayList<>(found.values());
    sorted.sort(
        Comparator.comparing(EngineOperation::template).thenComparing(EngineOperation::httpMethod));
    return new EngineRestCatalog(sorted);
  }

  private static void walk(
      Class<?> resource, String prefix, Map<String, EngineOperation> found, Deque<Class<?>> seen) {
    if (seen.size() > MAX_DEPTH || seen.contains(resource)) {
      return;
    }
    seen.push(resource);
    for (Method method : annotatedMethods(resource)) {
      Path path = findAnnotation(method, Path.class);
      String http = httpMethod(method);
      String template = join(prefix, path == null ? "" : path.value());
      if (http != null) {
        found.putIfAbsent(
            http + " " + template, new EngineOperation(http, template, method.getName()));
      } else if (path != null) {
        walk(method.getReturnType(), template, found, seen); // a sub-resource locator
      }
    }
    seen.pop();
  }

  /**
   * Public methods carrying JAX-RS annotations here or on the interface/superclass method they
   * implement.
   */
  private static List<Method> annotatedMethods(Class<?> type) {
    Map<String, Method> bySignature = new LinkedHashMap<>();
    for (Class<?> c : hierarchy(type)) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isBridge() || m.isSynthetic()) {
          continue;
        }
        if (m.isAnnotationPresent(Path.class) || httpMethod(m) != null) {
          bySignature.putIfAbsent(
              m.getName() + java.util.Arrays.toString(m.getParameterTypes()), m);
        }
      }
    }
    return new ArrayList<>(bySignature.values());
  }

  private static List<Class<?>> hierarchy(Class<?> type) {
    List<Class<?>> all = new ArrayList<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (c == Object.class || !seen.add(c)) {
        continue;
      }
      all.add(c);
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
      todo.addAll(List.of(c.getInterfaces()));
    }
    return all;
  }

  private static Path classPath(Class<?> type) {
    for (Class<?> c : hierarchy(type)) {
      if (c.isAnnotationPresent(Path.class)) {
        return c.getAnnotation(Path.class);
      }
    }
    return null;
  }

  private static <A extends Annotation> A findAnnotation(Method method, Class<A> annotation) {
    return method.getAnnotation(annotation);
  }

  private static String httpMethod(Method method) {
    for (Map.Entry<Class<? extends Annotation>, String> e : HTTP.entrySet()) {
      if (method.isAnnotationPresent(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  static String join(String prefix, String path) {
    String joined = (prefix + "/" + path).replaceAll("/+", "/");
    if (joined.length() > 1 && joined.endsWith("/")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    return joined.startsWith("/") ? joined : "/" + joined;
  }
}
