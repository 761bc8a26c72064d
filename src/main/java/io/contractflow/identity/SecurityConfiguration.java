package io.contractflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.outage.ConnectionFailures;
import io.contractflow.platform.web.Problems;
import io.contractflow.security.BasicLoginThrottleFilter;
import io.contractflow.security.FormLoginThrottleFilter;
import io.contractflow.security.LoginGuard;
import io.contractflow.security.WebHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Who may call what, at the URL level. Every API and engine REST call needs an authenticated
 * caller; object-level rules live in each feature's access policy, and Camunda's own authorizations
 * guard {@code /engine-rest}. The Camunda webapps ({@code /camunda/**}) authenticate users
 * themselves against the same identity.
 */
@Configuration(proxyBeanMethods = false)
@Profile(
    "!"
        + KeycloakSecurityConfiguration
            .PROFILE) // with Keycloak: KeycloakSecurityConfiguration, no HTTP Basic
class SecurityConfiguration {

  static final String REALM = "ContractFlow";

  /** The workspace's pages, its sign-in and sign-out: a session of their own (see below). */
  static final String[] WORKSPACE_PATHS = {
    "/",
    "/index.html",
    "/contracts/*",
    "/app/**",
    "/vendor/**",
    "/webjars/**",
    WorkspacePaths.SIGN_IN,
    WorkspacePaths.SIGN_OUT
  };

  /**
   * The workspace (io.contractflow.workspace): our sign-in form against the same users and the same
   * login throttle as HTTP Basic, then a server session; the API accepts that session ({@link
   * WorkspaceSessions}). Signing out ends the session.
   */
  @Bean
  @Order(1)
  SecurityFilterChain workspaceSecurity(HttpSecurity http, LoginGuard loginGuard) throws Exception {
    WorkspaceSessions.protectPages(http);
    http.securityMatcher(WORKSPACE_PATHS)
        .headers(WebHeaders::apply)
        .addFilterBefore(
            new FormLoginThrottleFilter(loginGuard, WorkspacePaths.SIGN_IN),
            UsernamePasswordAuthenticationFilter.class)
        .formLogin(
            form ->
                form.loginPage(WorkspacePaths.SIGN_IN)
                    .authenticationDetailsSource(FormLoginThrottleFilter.Details::new)
                    .defaultSuccessUrl("/", false)
                    .failureUrl(WorkspacePaths.SIGN_IN + "?error")
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl(WorkspacePaths.SIGN_OUT)
                    .logoutSuccessUrl(WorkspacePaths.SIGN_IN + "?signedout")
                    .deleteCookies(WorkspaceSessions.CSRF_COOKIE))
        // the sign-in page with any notice (?error, ?throttled, ?signedout): formLogin's own
        // permitAll matches its URLs with their exact query only
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/app/**", "/vendor/**", "/webjars/**", WorkspacePaths.SIGN_IN)
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ObjectMapper objectMapper,
      ObjectProvider<BrowserSessionAuthentication> browserSessions,
      LoginGuard loginGuard)
      throws Exception {
    AuthenticationEntryPoint unauthenticated =
        (request, response, ex) -> {
          if (ConnectionFailures.isConnectionFailure(ex)) {
            // the password could not be checked for want of the database: not a 401 but the
            // platform's 503 (platform.web.DatabaseOutageFilter)
            throw new ServletException(ex);
          }
          // a script's call (the workspace's) gets no challenge: the browser would show its own
          // password dialog instead of the page sending the user to the sign-in form
          if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
          }
          write(
              response,
              objectMapper,
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              "Authentication is required");
        };
    AccessDeniedHandler denied = denied(objectMapper);

    // Basic callers are stateless and need no CSRF token; calls authenticated by the workspace's
    // session do (WorkspaceSessions). The Camunda webapps run their own CSRF filter.
    WorkspaceSessions.protectApi(http);
    // nothing of Spring Security's lives in a session, so there is no session to protect from
    // fixation: with
    // the default (a new session id at every authentication) a Tasklist session whose browser
    // also sends Basic
    // credentials got a new id on every request, and the webapp's parallel calls then failed
    // with 401
    http.sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .headers(WebHeaders::apply)
        .addFilterBefore(
            new BasicLoginThrottleFilter(loginGuard, objectMapper), BasicAuthenticationFilter.class)
        .addFilterBefore(new BrowserSessionFilter(browserSessions), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(SecurityConfiguration::urlRules);
    return http.build();
  }

  /**
   * Who may call which URLs, the same whatever authenticated the caller (the keycloak profile uses
   * it too).
   */
  static void urlRules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
        .permitAll()
        .requestMatchers("/actuator/**")
        .hasRole(Role.CONTRACT_ADMIN.name())
        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
        .permitAll()
        // signers have no login: their link's token authorises them
        // (io.contractflow.signature.SigningCeremony)
        .requestMatchers("/api/signing/*", "/api/signing/*/*", "/sign/*", "/sign/*/*")
        .permitAll()
        // calendar apps have no login: the feed's token authorises (io.contractflow.calendar)
        .requestMatchers("/calendar/*.ics")
        .permitAll()
        // e-signature vendors have no login: each call is verified the vendor's way
        // (io.contractflow.signature.vendor)
        .requestMatchers("/api/webhooks/esign/*", "/api/webhooks/esign/*/*")
        .permitAll()
        // Stripe has no login: each delivery is verified by its Stripe-Signature header
        // (io.contractflow.payment)
        .requestMatchers("/api/webhooks/stripe")
        .permitAll()
        .requestMatchers("/api/**", "/engine-rest/**")
        .authenticated()
        .requestMatchers("/", "/camunda", "/camunda/**", "/error", "/favicon.ico")
        .permitAll()
        .anyRequest()
        .authenticated();
  }

  /** 403 as a problem: a missing or wrong CSRF token of a workspace session, or a role refused. */
  static AccessDeniedHandler denied(ObjectMapper objectMapper) {
    return (request, response, ex) -> {
      if (ex instanceof CsrfException) {
        write(
            response,
            objectMapper,
            HttpStatus.FORBIDDEN,
            "csrf",
            "A change through the workspace session needs its CSRF token in the "
                + WorkspaceSessions.CSRF_HEADER
                + " header");
      } else {
        write(
            response,
            objectMapper,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Your roles do not allow this");
      }
    };
  }

  static void write(
      HttpServletResponse response,
      ObjectMapper mapper,
      HttpStatus status,
      String slug,
      String detail)
      throws IOException {
    ProblemDetail body = Problems.of(status, slug, status.getReasonPhrase(), detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), body);
  }
}
