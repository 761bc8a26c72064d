package io.contractflow.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies on {@code /api/**}: a declared length over the limit is refused with 413
 * before a byte is parsed (Tomcat swallows the unread rest, up to server.tomcat.max-swallow-size,
 * so the client reads the 413), and a chunked JSON body is cut off as soon as it passes the limit.
 * JSON bodies have the API's limit; uploads the multipart one, or their route's where a feature
 * declares a {@link LargeUploadRoute} (a bulk import's archive).
 */
@Component
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final ApiProperties properties;
  private final MultipartProperties multipart;
  private final ObjectMapper objectMapper;
  private final List<LargeUploadRoute> largeUploads;

  RequestBodyLimitFilter(
      ApiProperties properties,
      MultipartProperties multipart,
      ObjectMapper objectMapper,
      ObjectProvider<LargeUploadRoute> largeUploads) {
    this.properties = properties;
    this.multipart = multipart;
    this.objectMapper = objectMapper;
    this.largeUploads = largeUploads.orderedStream().toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    boolean upload =
        contentType != null
            && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    // uploads have the (larger) multipart limit, checked again part by part by the multipart
    // resolver
    long limit = upload ? uploadLimit(request) : properties.maxJsonBodyBytes().toBytes();
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(
          response.getOutputStream(),
          Problems.of(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "payload-too-large",
              "Content Too Large",
              new PayloadTooLargeException(limit).getMessage()));
      return;
    }
    chain.doFilter(upload ? request : new LimitedRequest(request, limit), response);
  }

  private long uploadLimit(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return largeUploads.stream()
        .filter(route -> route.path().equals(path))
        .mapToLong(LargeUploadRoute::maxRequestBytes)
        .findFirst()
        .orElse(multipart.getMaxRequestSize().toBytes());
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long read;

    LimitedStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
