package io.contractflow.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API.
 *
 * @param maxJsonBodyBytes largest JSON body accepted on {@code /api/**} (413 above)
 * @param maxPageSize largest page a list endpoint returns (400 above)
 * @param docs the OpenAPI document and Swagger UI
 */
@ConfigurationProperties("contractflow.api")
public record ApiProperties(
    @DefaultValue("256KB") DataSize maxJsonBodyBytes,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue Docs docs) {

  /**
   * @param enabled whether {@code /v3/api-docs} and {@code /swagger-ui.html} are served (springdoc
   *     reads the same setting; false in the prod profile)
   */
  public record Docs(@DefaultValue("true") boolean enabled) {}
}
