package io.contractflow.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The templates that ship with ContractFlow, read once from {@code classpath:templates/<key>.txt}.
 */
@Component
class TemplateCatalog {

  static final List<String> KEYS =
      List.of("mutual-nda", "master-services-agreement", "statement-of-work");

  private final Map<String, TemplateSource> templates = new LinkedHashMap<>();

  TemplateCatalog() {
    for (String key : KEYS) {
      templates.put(key, TemplateSource.parse(key, resource("templates/" + key + ".txt")));
    }
  }

  Collection<TemplateSource> all() {
    return templates.values();
  }

  Optional<TemplateSource> find(String key) {
    return Optional.ofNullable(templates.get(key));
  }

  static String resource(String path) {
    try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
