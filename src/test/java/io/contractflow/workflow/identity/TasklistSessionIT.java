package io.contractflow.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user logged into Tasklist opens the document link on a task's form without logging in again:
 * the API accepts the webapp session for reads, never for changes, and never someone else's
 * contract.
 */
class TasklistSessionIT extends IntegrationTest {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private void logIntoTasklist(String user) throws Exception {
    send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).GET());
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(c -> c.getValue())
            .findFirst()
            .orElse("");
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
  }

  @Test
  void theTasklistSessionReadsWhatItsUserMayRead() throws Exception {
    String mine = createContract("rita").get("id").asText();
    String ravis = createContract("ravi").get("id").asText();
    assertThat(send(HttpRequest.newBuilder(url("/api/contracts/" + mine)).GET()).statusCode())
        .as("no session yet")
        .isEqualTo(401);

    logIntoTasklist("rita");

    assertThat(send(HttpRequest.newBuilder(url("/api/contracts/" + mine)).GET()).statusCode())
        .isEqualTo(200);
    assertThat(
            send(HttpRequest.newBuilder(url("/api/contracts/" + mine + "/documents")).GET())
                .statusCode())
        .isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(url("/api/contracts/" + ravis)).GET()).statusCode())
        .isEqualTo(404);
    for (String method : List.of("POST", "PUT", "DELETE")) {
      assertThat(
              send(HttpRequest.newBuilder(url("/api/contracts/" + mine + "/cancel"))
                      .method(method, HttpRequest.BodyPublishers.noBody()))
                  .statusCode())
          .as(method + " needs credentials of its own")
          .isEqualTo(401);
    }
  }

  @Test
  void aTasklistSessionStaysOneSessionWhenTheBrowserAlsoSendsBasicCredentials() throws Exception {
    logIntoTasklist("rita");
    String session = cookie("JSESSIONID");
    String xsrf = cookie("XSRF-TOKEN");
    String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("rita:rita".getBytes());

    for (int i = 0; i < 5; i++) {
      // what Tasklist asks for as it draws its page: the user, their filters and a filter's tasks
      for (String path :
          List.of(
              "/camunda/api/admin/auth/user/default",
              "/camunda/api/engine/engine/default/filter",
              "/camunda/api/engine/engine/default/task/count")) {
        HttpResponse<String> response =
            send(
                HttpRequest.newBuilder(url(path))
                    .header("Authorization", basic)
                    .header("X-XSRF-TOKEN", xsrf)
                    .header("Accept", "application/json")
                    .GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie"))
            .as(path)
            .noneMatch(c -> c.startsWith("JSESSIONID="));
      }
      assertThat(cookie("JSESSIONID")).as("the same session").isEqualTo(session);
    }
    // a change through the webapp's API works in the same session
    HttpResponse<String> filter =
        send(
            HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/filter/create"))
                .header("Authorization", basic)
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Task\",\"name\":\"Mine "
                            + System.nanoTime()
                            + "\",\"query\":{\"assignee\":\"rita\"},\"properties\":{}}")));
    assertThat(filter.statusCode()).as(filter.body()).isEqualTo(200);
    assertThat(cookie("JSESSIONID")).isEqualTo(session);
    // and the filter goes again, so that rita's filters stay the shipped ones for the other tests
    String filterId = JSON.readTree(filter.body()).get("id").asText();
    HttpResponse<String> deleted =
        send(
            HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/filter/" + filterId))
                .header("Authorization", basic)
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .DELETE());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
  }

  private String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }
}
