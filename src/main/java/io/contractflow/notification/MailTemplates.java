package io.contractflow.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from its templates in {@code templates/mail/}: {@code <event>.html} (HTML, every
 * value escaped by Thymeleaf's {@code th:text}) and {@code <event>.txt} (the plain-text
 * alternative), each given the event's values plus the platform's name and address, and the
 * recipient's name.
 */
@Component
class MailTemplates {

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
  private final MailProperties properties;

  MailTemplates(MailProperties properties) {
    this.properties = properties;
  }

  /** A rendered mail: subject, plain text and HTML. */
  record Rendered(String subject, String text, String html) {}

  Rendered render(
      String event, String subject, People.Person recipient, Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("platformName", properties.platformName());
    all.put("baseUrl", properties.base());
    all.put("recipientName", recipient.name());
    all.put("subject", subject);
    Context context = new Context(Locale.ENGLISH, all);
    return new Rendered(
        properties.platformName() + ": " + subject,
        text.process(event, context),
        html.process(event, context));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
