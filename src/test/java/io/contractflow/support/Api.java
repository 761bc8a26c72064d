package io.contractflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A small HTTP client for tests: real requests to the running platform, as a given demo user.
 * Callers prove who they are with HTTP Basic (the embedded default) or, against a platform in the
 * {@code keycloak} profile, with a bearer token from the realm ({@link Credentials}).
 */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The {@code Authorization} header that proves a user's identity, from their name and password.
   */
  @FunctionalInterface
  public interface Credentials {

    String authorization(String user, String password);

    /** HTTP Basic, as the embedded default takes it. */
    Credentials BASIC =
        (user, password) ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private final String baseUrl;
  private final Credentials credentials;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  public Api(int port) {
    this(port, Credentials.BASIC);
  }

  public Api(int port, Credentials credentials) {
    this.baseUrl = "http://localhost:" + port;
    this.credentials = credentials;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Parses a JSON body. */
  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  /** A request as {@code user}, whose demo password is their name; null for an anonymous call. */
  public Call as(String user) {
    return new Call(user, user);
  }

  public Call as(String user, String password) {
    return new Call(user, password);
  }

  public Call anonymous() {
    return new Call(null, null);
  }

  /** One request being put together. */
  public final class Call {
    private final String user;
    private final String password;
    private final java.util.List<String[]> headers = new java.util.ArrayList<>();
    private boolean chunked;

    private Call(String user, String password) {
      this.user = user;
      this.password = password;
    }

    public Call header(String name, String value) {
      headers.add(new String[] {name, value});
      return this;
    }

    /** Sends the body without a Content-Length, in chunks. */
    public Call chunked() {
      this.chunked = true;
      return this;
    }

    public Call ifMatch(String etag) {
      return header("If-Match", etag);
    }

    public Response get(String path) {
      return send("GET", path, null, null);
    }

    public Response delete(String path) {
      return send("DELETE", path, null, null);
    }

    public Response post(String path, Object json) {
      return send("POST", path, body(json), "application/json");
    }

    public Response put(String path, Object json) {
      return send("PUT", path, body(json), "application/json");
    }

    /** A multipart/form-data upload of one file in the part {@code file}. */
    public Response upload(String path, String fileName, String contentType, byte[] content) {
      String boundary = "----cf" + System.nanoTime();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
              + fileName.replace("\"", "%22")
              + "\"\r\nContent-Type: "
              + contentType
              + "\r\n\r\n";
      body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return sendBytes(
          "POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** A multipart/form-data upload of several parts, each a file. */
    public Response multipart(String path, List<Part> parts) {
      String boundary = "----cf" + System.nanoTime();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      for (Part part : parts) {
        String head =
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + part.name()
                + "\"; filename=\""
                + part.fileName().replace("\"", "%22")
                + "\"\r\nContent-Type: "
                + part.contentType()
                + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(part.content());
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return sendBytes(
          "POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** A GET whose body is kept as bytes (downloads). */
    public BinaryResponse download(String path) {
      HttpRequest.Builder request = builder(path).GET();
      try {
        HttpResponse<byte[]> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new BinaryResponse(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** A POST of JSON whose answer is kept as bytes (an archive). */
    public BinaryResponse postForBytes(String path, Object json) {
      HttpRequest.Builder request =
          builder(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body(json)));
      try {
        HttpResponse<byte[]> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new BinaryResponse(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private HttpRequest.Builder builder(String path) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
      if (user != null) {
        request.header("Authorization", credentials.authorization(user, password));
      }
      headers.forEach(h -> request.header(h[0], h[1]));
      return request;
    }

    public Response send(String method, String path, String body, String contentType) {
      return sendBytes(
          method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private Response sendBytes(String method, String path, byte[] bytes, String contentType) {
      HttpRequest.Builder request = builder(path);
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      request.method(
          method,
          bytes == null
              ? HttpRequest.BodyPublishers.noBody()
              : chunked
                  ? HttpRequest.BodyPublishers.ofInputStream(
                      () -> new java.io.ByteArrayInputStream(bytes))
                  : HttpRequest.BodyPublishers.ofByteArray(bytes));
      try {
        HttpResponse<String> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String body(Object json) {
    if (json == null || json instanceof String) {
      return (String) json;
    }
    try {
      return JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One part of a multipart upload. */
  public record Part(String name, String fileName, String contentType, byte[] content) {}

  /** A download. */
  public record BinaryResponse(int status, HttpHeaders headers, byte[] body) {}

  /** What came back. */
  public record Response(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (status " + status + "): " + body, e);
      }
    }

    public String etag() {
      return headers
          .firstValue("ETag")
          .orElseThrow(() -> new AssertionError("no ETag; status " + status + ": " + body));
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
