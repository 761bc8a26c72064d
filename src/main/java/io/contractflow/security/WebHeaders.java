package io.contractflow.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of every response, in every profile (Spring Security's defaults plus these):
 * frames from this origin only; HSTS for a year with subdomains, sent on HTTPS requests (behind a
 * proxy, once it says {@code X-Forwarded-Proto: https}; see docs/security.md); no referrer to other
 * sites (signer links carry tokens); and a Content-Security-Policy for everything but the Camunda
 * webapps, which send their own. A page that sets its own policy (signer pages, document previews)
 * keeps it.
 */
public final class WebHeaders {

  /**
   * Our pages and Swagger UI: scripts, styles and images from this origin (styles may be inline).
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  private static final RequestMatcher NOT_CAMUNDA_WEBAPPS = WebHeaders::outsideCamundaWebapps;

  private WebHeaders() {}

  public static void apply(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .frameOptions(frames -> frames.sameOrigin())
        .httpStrictTransportSecurity(
            hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                NOT_CAMUNDA_WEBAPPS,
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));
  }

  private static boolean outsideCamundaWebapps(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/camunda") || path.startsWith("/camunda/"));
  }
}
