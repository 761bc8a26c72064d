package io.contractflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser's session in Camunda's webapps without the browser: signs in on Tasklist's login call
 * (as its page does), keeps the session cookie, and sends the webapps' CSRF header with every
 * request, as Tasklist does.
 */
public final class WebappSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private WebappSession(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** Signed into Tasklist as {@code user}, whose demo password is their name. */
  public static WebappSession signedIn(int port, String user) {
    WebappSession session = new WebappSession(port);
    session.send("GET", "/camunda/app/tasklist/default/", null, null);
    Api.Response login =
        session.send(
            "POST",
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=" + user + "&password=" + user,
            "application/x-www-form-urlencoded");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    session.send("GET", "/camunda/app/tasklist/default/", null, null); // the session's CSRF token
    return session;
  }

  public Api.Response get(String path) {
    return send("GET", path, null, null);
  }

  /** A request with a JSON body (or none, when {@code json} is null). */
  public Api.Response send(String method, String path, String json) {
    return send(method, path, json, json == null ? null : "application/json");
  }

  public Api.Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((first, second) -> second)
        .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
