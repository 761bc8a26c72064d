package io.contractflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a browser through Keycloak's login page without a real browser, for tests of the
 * authorization code flow: keeps cookies (so a second authorization request reuses the Keycloak
 * session), follows no redirects, and fills in the login form. The redirect back to the client,
 * with its {@code code} or {@code error}, is the result.
 *
 * <p>The cookies are kept by name for the one Keycloak host, not by {@link java.net.CookieManager}:
 * Keycloak marks its cookies {@code Secure}, which browsers still send to {@code http://127.0.0.1}
 * (a secure context) but {@code CookieManager} does not send over plain HTTP.
 */
public final class KeycloakBrowser {

  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
  private static final Pattern EXPIRED = Pattern.compile("(?i);\\s*max-age=0\\s*(;|$)");
  private static final Pattern PAGE_MESSAGE =
      Pattern.compile(
          "<(?:span|div|p)[^>]*class=\"[^\"]*(?:kc-feedback-text|pf-v5-c-alert__title|instruction)"
              + "[^\"]*\"[^>]*>\\s*([^<]+)<");

  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /**
   * Opens an authorization request and, if Keycloak shows its login form, signs in; returns the URI
   * Keycloak redirects the browser to (the client's redirect URI with {@code code} or {@code
   * error}). Fails with the page's message if Keycloak answers with a page instead, such as an
   * invalid redirect URI or wrong credentials.
   */
  public URI signIn(URI authorizationRequest, String username, String password) {
    HttpResponse<String> page = get(authorizationRequest);
    if (page.statusCode() == 302) {
      return location(page); // an error for the client, or an existing session
    }
    Matcher form = LOGIN_FORM.matcher(page.body());
    if (page.statusCode() != 200 || !form.find()) {
      throw new IllegalStateException(
          "no login form: HTTP " + page.statusCode() + " " + message(page.body()));
    }
    Matcher action = ACTION.matcher(form.group());
    if (!action.find()) {
      throw new IllegalStateException("login form without action: " + form.group());
    }
    HttpResponse<String> answer =
        post(
            URI.create(action.group(1).replace("&amp;", "&")),
            Map.of("username", username, "password", password, "credentialId", ""));
    if (answer.statusCode() != 302) {
      throw new IllegalStateException(
          "login not accepted: HTTP " + answer.statusCode() + " " + message(answer.body()));
    }
    return location(answer);
  }

  /** A GET that follows no redirect, with this browser's cookies. */
  public HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
  }

  /** The query parameters of a URI, decoded (the last value of a repeated name). */
  public static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** Builds {@code base?name=value&...} with the values URL-encoded. */
  public static URI withQuery(URI base, Map<String, String> parameters) {
    StringBuilder uri = new StringBuilder(base.toString());
    char separator = base.getRawQuery() == null ? '?' : '&';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      uri.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return URI.create(uri.toString());
  }

  /** The user-facing message of a Keycloak page (error or info), for failure messages. */
  public static String message(String html) {
    Matcher message = PAGE_MESSAGE.matcher(html);
    return message.find() ? message.group(1).trim() : "(no message on the page)";
  }

  private HttpResponse<String> post(URI uri, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    withQuery(URI.create(""), form).toString().substring(1)))
            .build());
  }

  /**
   * {@code name=value; Path=...; Max-Age=...}: keeps the value, forgets the cookie when it is
   * expired.
   */
  private void keep(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = pair.substring(0, eq).trim();
    String value = pair.substring(eq + 1).trim();
    if (value.isEmpty() || EXPIRED.matcher(setCookie).find()) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  private static URI location(HttpResponse<?> response) {
    return URI.create(
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "redirect without Location: HTTP " + response.statusCode())));
  }

  private HttpResponse<String> send(HttpRequest request) {
    HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
    if (!cookies.isEmpty()) {
      withCookies.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(this::keep);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
