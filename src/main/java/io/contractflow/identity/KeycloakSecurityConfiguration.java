package io.contractflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The {@code keycloak} profile's security: Keycloak authenticates everyone, the platform's own
 * rules ({@link SecurityConfiguration#urlRules}, the features' access policies, Camunda's
 * authorizations) still decide.
 *
 * <ul>
 *   <li>{@code /api/**}, {@code /engine-rest/**} and the rest: an OAuth2 resource server taking
 *       bearer tokens only (no HTTP Basic, no session), checked by {@link KeycloakJwtDecoder}; the
 *       {@code groups} claim becomes the same authorities the embedded default gives ({@link
 *       GroupsClaimAuthorities}), the user id is {@code preferred_username}. Bad tokens get a 401
 *       problem, an unreachable Keycloak a 503 problem.
 *   <li>Tasklist, Cockpit and Admin ({@code /camunda/**}): OIDC login with the {@code keycloak}
 *       client registration ({@link #keycloakLogin}) in a session; Camunda's webapps take the user
 *       from it (see the workflow's container-based authentication). Their password login is
 *       closed. Logging out of the webapps ends the Keycloak session too: Camunda's own logout call
 *       ends it server to server ({@link KeycloakSessionTermination}), {@code /logout} by the OIDC
 *       RP-initiated logout redirect.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Profile(KeycloakSecurityConfiguration.PROFILE)
class KeycloakSecurityConfiguration {

  static final String PROFILE = "keycloak";
  static final String REGISTRATION = "keycloak";

  /** The workspace's client registration: the realm's public PKCE client. */
  static final String WORKSPACE_REGISTRATION = "workspace";

  /**
   * The workspace's OAuth2 login runs under its own paths (the webapps' chain keeps {@code
   * /oauth2/**} and {@code /login/oauth2/**} with its single client, as before).
   */
  static final String WORKSPACE_AUTHORIZATION = "/app/oauth2/authorization";

  static final String WORKSPACE_LOGIN = WORKSPACE_AUTHORIZATION + "/" + WORKSPACE_REGISTRATION;

  // matched on the whole path: the webapps' API is served by servlets of its own, outside Spring
  // MVC's mapping
  private static final RequestMatcher WEBAPP_PATHS =
      new OrRequestMatcher(
          regex("/camunda(/.*)?"),
          regex("/oauth2/.*"),
          regex("/login/oauth2/.*"),
          regex("/logout(\\?.*)?"));
  private static final RequestMatcher WEBAPP_PASSWORD_LOGIN =
      regex("/camunda/api/admin/auth/user/[^/?]+/login/.*");

  /** Camunda's webapps log out with this call (XHR); the browser stays on the page. */
  static final RequestMatcher CAMUNDA_LOGOUT =
      RegexRequestMatcher.regexMatcher(
          HttpMethod.POST, "/camunda/api/admin/auth/user/[^/?]+/logout(\\?.*)?");

  private static final RequestMatcher BROWSER_LOGOUT = regex("/logout(\\?.*)?");

  private static RequestMatcher regex(String pattern) {
    return RegexRequestMatcher.regexMatcher(pattern);
  }

  @Bean
  JwtDecoder keycloakJwtDecoder(KeycloakProperties properties) {
    return new KeycloakJwtDecoder(properties);
  }

  /**
   * The webapps' login client, with Keycloak's endpoints written out rather than discovered:
   * nothing is fetched at start-up, and the browser's endpoints (login, logout) may differ from the
   * platform's own (token, keys, user info) when the platform reaches Keycloak at another address.
   */
  @Bean
  ClientRegistrationRepository keycloakLogin(KeycloakProperties properties) {
    return new InMemoryClientRegistrationRepository(
        webappClient(properties), workspaceClient(properties));
  }

  /**
   * The workspace's login: the realm's public client, so no secret and the authorization code flow
   * with PKCE (Spring Security adds the code challenge for a client authenticating with {@code
   * none}).
   */
  private static ClientRegistration workspaceClient(KeycloakProperties properties) {
    return ClientRegistration.withRegistrationId(WORKSPACE_REGISTRATION)
        .clientName("Keycloak")
        .clientId(properties.frontend().clientId())
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/app/login/oauth2/code/{registrationId}")
        .scope("openid", "profile", "email")
        .issuerUri(properties.issuer())
        .authorizationUri(properties.browserEndpoint("auth"))
        .tokenUri(properties.backChannelEndpoint("token"))
        .jwkSetUri(properties.backChannelEndpoint("certs"))
        .userInfoUri(properties.backChannelEndpoint("userinfo"))
        .userNameAttributeName(KeycloakJwtDecoder.USERNAME_CLAIM)
        .providerConfigurationMetadata(
            Map.of("end_session_endpoint", properties.browserEndpoint("logout")))
        .build();
  }

  /**
   * A signed-in session's authorities from the ID token's {@code groups} claim, as the API maps a
   * bearer token's ({@link GroupsClaimAuthorities}): the API accepts the workspace's session with
   * the same roles. Spring Security's OAuth2 login uses this bean for both client registrations.
   */
  @Bean
  GrantedAuthoritiesMapper groupsFromIdToken() {
    return authorities -> {
      List<GrantedAuthority> mapped = new ArrayList<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          List<String> groups =
              oidc.getIdToken().getClaimAsStringList(GroupsClaimAuthorities.CLAIM);
          mapped.addAll(GroupsClaimAuthorities.of(groups == null ? List.of() : groups));
        }
      }
      return mapped;
    };
  }

  private static ClientRegistration webappClient(KeycloakProperties properties) {
    return ClientRegistration.withRegistrationId(REGISTRATION)
        .clientName("Keycloak")
        .clientId(properties.webapp().clientId())
        .clientSecret(properties.webapp().clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile", "email")
        .issuerUri(properties.issuer())
        .authorizationUri(properties.browserEndpoint("auth"))
        .tokenUri(properties.backChannelEndpoint("token"))
        .jwkSetUri(properties.backChannelEndpoint("certs"))
        .userInfoUri(properties.backChannelEndpoint("userinfo"))
        .userNameAttributeName(KeycloakJwtDecoder.USERNAME_CLAIM)
        .providerConfigurationMetadata(
            Map.of("end_session_endpoint", properties.browserEndpoint("logout")))
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain camundaWebappSecurity(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientRepository authorizedClients,
      KeycloakProperties properties)
      throws Exception {
    OidcClientInitiatedLogoutSuccessHandler endSessionRedirect =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    endSessionRedirect.setPostLogoutRedirectUri("{baseUrl}/camunda/app/");
    LinkedHashMap<RequestMatcher, LogoutSuccessHandler> afterLogout = new LinkedHashMap<>();
    afterLogout.put(CAMUNDA_LOGOUT, new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
    DelegatingLogoutSuccessHandler logoutSuccess = new DelegatingLogoutSuccessHandler(afterLogout);
    logoutSuccess.setDefaultLogoutSuccessHandler(endSessionRedirect);

    http.securityMatcher(WEBAPP_PATHS)
        // Camunda's webapps protect their own API against CSRF (their XSRF-TOKEN cookie and header)
        .csrf(csrf -> csrf.disable())
        .headers(io.contractflow.security.WebHeaders::apply)
        .authorizeHttpRequests(
            auth ->
                auth
                    // passwords belong to Keycloak: the webapps' own login form stays closed
                    .requestMatchers(WEBAPP_PASSWORD_LOGIN)
                    .denyAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            login ->
                login.clientRegistrationRepository(
                    new InMemoryClientRegistrationRepository(
                        registrations.findByRegistrationId(REGISTRATION))))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(new OrRequestMatcher(CAMUNDA_LOGOUT, BROWSER_LOGOUT))
                    .addLogoutHandler(
                        new KeycloakSessionTermination(
                            CAMUNDA_LOGOUT,
                            authorizedClients,
                            properties.backChannelEndpoint("logout")))
                    .logoutSuccessHandler(logoutSuccess));
    return http.build();
  }

  /**
   * The workspace's pages: who is not signed in goes to Keycloak with the workspace's public
   * client, under the workspace's own paths ({@link #WORKSPACE_AUTHORIZATION}, {@code
   * /app/login/oauth2/code/workspace}). The session is the webapps' too, so Tasklist knows the user
   * as well. Signing out ends the session and, by the OIDC RP-initiated logout redirect, the
   * Keycloak session.
   */
  @Bean
  @Order(2)
  SecurityFilterChain workspaceSecurity(
      HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
    OidcClientInitiatedLogoutSuccessHandler endSessionRedirect =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    endSessionRedirect.setPostLogoutRedirectUri("{baseUrl}/");
    WorkspaceSessions.protectPages(http);
    http.securityMatcher(SecurityConfiguration.WORKSPACE_PATHS)
        .headers(io.contractflow.security.WebHeaders::apply)
        .oauth2Login(
            login ->
                login
                    .clientRegistrationRepository(
                        new InMemoryClientRegistrationRepository(
                            registrations.findByRegistrationId(WORKSPACE_REGISTRATION)))
                    .authorizationEndpoint(a -> a.baseUri(WORKSPACE_AUTHORIZATION))
                    .redirectionEndpoint(r -> r.baseUri("/app/login/oauth2/code/*"))
                    .defaultSuccessUrl("/"))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(WORKSPACE_LOGIN)))
        .logout(
            logout ->
                logout
                    .logoutUrl(WorkspacePaths.SIGN_OUT)
                    .deleteCookies(WorkspaceSessions.CSRF_COOKIE)
                    .logoutSuccessHandler(endSessionRedirect))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/app/**", "/vendor/**", "/webjars/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      JwtDecoder jwtDecoder,
      ObjectMapper objectMapper,
      ObjectProvider<BrowserSessionAuthentication> browserSessions)
      throws Exception {
    BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    challenge.setRealmName(SecurityConfiguration.REALM);
    AuthenticationEntryPoint unauthenticated =
        (request, response, ex) -> {
          challenge.commence(request, response, ex);
          SecurityConfiguration.write(
              response,
              objectMapper,
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              "A valid bearer token is required");
        };
    AuthenticationFailureHandler tokenRefused =
        (request, response, ex) -> {
          if (ex instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "30");
            SecurityConfiguration.write(
                response,
                objectMapper,
                HttpStatus.SERVICE_UNAVAILABLE,
                "identity-provider-unavailable",
                "The identity provider cannot be reached to check the token");
          } else {
            unauthenticated.commence(request, response, ex);
          }
        };
    AccessDeniedHandler denied = SecurityConfiguration.denied(objectMapper);

    JwtAuthenticationConverter tokenToCaller = new JwtAuthenticationConverter();
    tokenToCaller.setPrincipalClaimName(KeycloakJwtDecoder.USERNAME_CLAIM);
    tokenToCaller.setJwtGrantedAuthoritiesConverter(new GroupsClaimAuthorities());

    // bearer callers need no CSRF token (a browser never sends one by itself); calls authenticated
    // by the workspace's session do (WorkspaceSessions)
    WorkspaceSessions.protectApi(http);
    http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .headers(io.contractflow.security.WebHeaders::apply)
        .addFilterBefore(
            new BrowserSessionFilter(browserSessions), BearerTokenAuthenticationFilter.class)
        .oauth2ResourceServer(
            resource ->
                resource
                    .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(tokenToCaller))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied)
                    .withObjectPostProcessor(
                        new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                          @Override
                          public <O extends BearerTokenAuthenticationFilter> O postProcess(
                              O filter) {
                            filter.setAuthenticationFailureHandler(tokenRefused);
                            return filter;
                          }
                        }))
        .authorizeHttpRequests(SecurityConfiguration::urlRules);
    return http.build();
  }
}
