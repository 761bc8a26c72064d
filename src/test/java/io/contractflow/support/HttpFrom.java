package io.contractflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP requests from a chosen local address, so a test can be two different clients on one machine:
 * Linux routes all of 127.0.0.0/8 to the loopback interface, so a socket bound to 127.0.0.2 reaches
 * the platform on 127.0.0.1 and the platform sees 127.0.0.2 as the caller. (The JDK's HttpClient
 * cannot choose its local address on Java 17.) HTTP/1.0, one request per connection, so bodies
 * arrive whole and unchunked.
 */
public final class HttpFrom {

  private final String localAddress;
  private final int port;

  public HttpFrom(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  /** What came back; header names in lower case. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  public Response get(String path, Map<String, String> headers) {
    return send("GET", path, headers, null);
  }

  public Response send(String method, String path, Map<String, String> headers, String body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(60_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.0\r\n")
              .append("Host: localhost:")
              .append(port)
              .append("\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body =
        end < 0 ? "" : new String(raw, end + 4, raw.length - end - 4, StandardCharsets.UTF_8);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return new Response(status, headers, body);
  }
}
