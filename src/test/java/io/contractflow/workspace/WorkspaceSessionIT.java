package io.contractflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.HttpFrom;
import io.contractflow.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workspace's sign-in and how the API accepts its session: the pages need a signed-in user, the
 * form checks the same passwords (and the same throttle) as HTTP Basic, the API takes the session
 * for reads and, with the session's CSRF token, for changes; the session never shows a requester
 * another's contract; HTTP Basic callers stay stateless and need no token.
 */
class WorkspaceSessionIT extends IntegrationTest {

  private static final String CSRF_COOKIE = "CF-XSRF-TOKEN";
  private static final String CSRF_HEADER = "X-CF-XSRF-TOKEN";

  /** A browser: keeps cookies, does not follow redirects (the tests look at them). */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(url(path)).GET());
    }

    HttpResponse<String> json(String method, String path, String body, String csrf)
        throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url(path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (csrf != null) {
        request.header(CSRF_HEADER, csrf);
      }
      return send(request);
    }

    String csrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals(CSRF_COOKIE))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    HttpResponse<String> signIn(String user, String password) throws Exception {
      HttpResponse<String> page = get("/signin");
      assertThat(page.statusCode()).isEqualTo(200);
      String token = csrfToken();
      assertThat(token).as("the sign-in page sets the CSRF cookie").isNotBlank();
      assertThat(page.body()).contains("value=\"" + token + "\"");
      return send(
          HttpRequest.newBuilder(url("/signin"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "username="
                          + enc(user)
                          + "&password="
                          + enc(password)
                          + "&_csrf="
                          + enc(token))));
    }
  }

  /**
   * Signs in and follows the redirect to the workspace, as a browser does (the page sets the
   * token).
   */
  private Browser signedIn(String user) throws Exception {
    Browser browser = new Browser();
    assertThat(browser.signIn(user, user).statusCode()).isEqualTo(302);
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
    assertThat(browser.csrfToken()).isNotBlank();
    return browser;
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String draftJson(String counterpartyId) {
    return contractBody(counterpartyId).toString();
  }

  @Test
  void withoutASessionTheWorkspaceSendsToItsSignInPage() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    assertThat(browser.get("/contracts/" + UUID.randomUUID()).statusCode())
        .as("a contract's address needs a signed-in user too")
        .isEqualTo(302);

    HttpResponse<String> page = browser.get("/signin");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<label for=\"username\">", "<label for=\"password\">", "name=\"_csrf\"");
    // the page's scripts and styles are public; the data behind them is not
    assertThat(browser.get("/app/workspace.css").statusCode()).isEqualTo(200);
    assertThat(browser.get("/vendor/form-js/form-viewer.umd.js").statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aSignedInSessionReadsAndWithItsTokenChangesWhatItsUserMay() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> signedIn = browser.signIn("rita", "rita");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");

    HttpResponse<String> home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("<script type=\"module\" src=\"/app/main.js\">");
    String token = browser.csrfToken();
    assertThat(token).isNotBlank();

    // a contract's plain address (Tasklist's and the calendar's links) leads to its page
    String anyId = UUID.randomUUID().toString();
    HttpResponse<String> byAddress = browser.get("/contracts/" + anyId);
    assertThat(byAddress.statusCode()).isEqualTo(302);
    assertThat(byAddress.headers().firstValue("Location").orElseThrow())
        .endsWith("/#/contracts/" + anyId);

    HttpResponse<String> me = browser.get("/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("rita");

    String counterparty = createCounterparty("rita");
    HttpResponse<String> noToken =
        browser.json("POST", "/api/contracts", draftJson(counterparty), null);
    assertThat(noToken.statusCode()).as(noToken.body()).isEqualTo(403);
    assertThat(JSON.readTree(noToken.body()).get("type").asText()).endsWith(":csrf");
    HttpResponse<String> wrongToken =
        browser.json("POST", "/api/contracts", draftJson(counterparty), "not-the-token");
    assertThat(wrongToken.statusCode()).isEqualTo(403);

    HttpResponse<String> created =
        browser.json("POST", "/api/contracts", draftJson(counterparty), token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode draft = JSON.readTree(created.body());
    assertThat(draft.get("owner").asText()).isEqualTo("rita");
    String id = draft.get("id").asText();
    assertThat(browser.json("POST", "/api/contracts/" + id + "/cancel", null, null).statusCode())
        .as("cancel without the token")
        .isEqualTo(403);
    assertThat(api.as("rita").get("/api/contracts/" + id).json().get("status").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void aRequestersSessionNeverShowsAnothersContract() throws Exception {
    JsonNode ravis = createContract("ravi");
    Browser browser = signedIn("rita");
    String id = ravis.get("id").asText();

    assertThat(browser.get("/api/contracts/" + id).statusCode()).isEqualTo(404);
    assertThat(browser.get("/api/contracts/" + id + "/documents").statusCode()).isEqualTo(404);
    assertThat(browser.get("/api/contracts/" + id + "/history").statusCode()).isEqualTo(404);
    HttpResponse<String> list =
        browser.get("/api/contracts?size=100&q=" + enc(ravis.get("reference").asText()));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(list.body()).get("content")).isEmpty();
    assertThat(
            browser
                .json("POST", "/api/contracts/" + id + "/cancel", null, browser.csrfToken())
                .statusCode())
        .isEqualTo(404);
    assertThat(api.as("ravi").get("/api/contracts/" + id).json().get("status").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    Browser browser = signedIn("rita");
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    HttpResponse<String> out =
        browser.send(
            HttpRequest.newBuilder(url("/signout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(browser.csrfToken()))));
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/signin?signedout");
    HttpResponse<String> notice = browser.get("/signin?signedout");
    assertThat(notice.statusCode()).isEqualTo(200);
    assertThat(notice.body()).contains("You are signed out.");
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void aWrongPasswordStaysOnTheSignInPage() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> refused = browser.signIn("rita", "not-her-password");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/signin?error");
    assertThat(browser.get("/signin?error").body()).contains("Wrong user name or password.");
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void theSignInFormIsThrottledLikeHttpBasic() {
    HttpFrom client = new HttpFrom("127.0.0.6", port);
    String account = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    String token = UUID.randomUUID().toString();
    Map<String, String> form =
        Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            CSRF_COOKIE + "=" + token);
    String body = "username=" + account + "&password=wrong&_csrf=" + token;
    for (int i = 0; i < 4; i++) {
      HttpFrom.Response refused = client.send("POST", "/signin", form, body);
      assertThat(refused.status()).isEqualTo(302);
      assertThat(refused.header("Location").orElseThrow()).endsWith("/signin?error");
    }
    HttpFrom.Response blocked = client.send("POST", "/signin", form, body);
    assertThat(blocked.status()).isEqualTo(302);
    assertThat(blocked.header("Location").orElseThrow()).endsWith("/signin?throttled");
    assertThat(blocked.header("Retry-After")).isPresent();
    // HTTP Basic counts the same failures
    assertThat(
            client
                .get(
                    "/api/me",
                    Map.of("Authorization", Api.Credentials.BASIC.authorization(account, "wrong")))
                .status())
        .isEqualTo(429);
  }

  @Test
  void httpBasicCallersStayStatelessAndNeedNoToken() throws Exception {
    String counterparty = createCounterparty("rita");
    Api.Response created = api.as("rita").post("/api/contracts", contractBody(counterparty));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().allValues("Set-Cookie")).isEmpty();

    // a browser signed into the workspace as rita that also sends ravi's credentials acts as ravi,
    // without a token
    Browser browser = new Browser();
    assertThat(browser.signIn("rita", "rita").statusCode()).isEqualTo(302);
    HttpResponse<String> asRavi =
        browser.send(
            HttpRequest.newBuilder(url("/api/contracts"))
                .header("Content-Type", "application/json")
                .header("Authorization", Api.Credentials.BASIC.authorization("ravi", "ravi"))
                .POST(HttpRequest.BodyPublishers.ofString(draftJson(createCounterparty("ravi")))));
    assertThat(asRavi.statusCode()).as(asRavi.body()).isEqualTo(201);
    assertThat(JSON.readTree(asRavi.body()).get("owner").asText()).isEqualTo("ravi");
  }
}
