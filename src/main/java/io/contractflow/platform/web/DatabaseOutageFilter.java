package io.contractflow.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.outage.ConnectionFailures;
import io.contractflow.platform.outage.DatabaseGate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The answer to every request of the API surfaces ({@code /api}, {@code /engine-rest}, {@code
 * /camunda/api}, the signing page) while the database is unavailable: a 503 problem ({@code
 * urn:contractflow:problem:database-unavailable}) with {@code Retry-After}.
 *
 * <ul>
 *   <li>while the {@link DatabaseGate} is open, at once, before security or any other work (when it
 *       is half open, one request goes on as the probe);
 *   <li>a failure to connect raised anywhere behind it (Spring Security's authentication, the rate
 *       limit, the engine surface's checks, a servlet) that reaches it as an exception;
 *   <li>a 500 that Camunda's REST API (Jersey, {@code /engine-rest} and {@code /camunda/api})
 *       answered after this request failed to connect, or while the gate is not closed: its body is
 *       dropped for the problem.
 * </ul>
 *
 * <p>Runs before Spring Security and every filter of ours, after the observation filter (so the
 * 503s show in {@code http_server_requests}).
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  /** Just after the HTTP observation filter (highest precedence + 1). */
  public static final int ORDER = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10;

  static final String[] URL_PATTERNS = {"/api/*", "/engine-rest/*", "/camunda/api/*", "/sign/*"};

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final DatabaseGate gate;
  private final ObjectMapper mapper;
  private final java.util.function.BooleanSupplier databaseDown;

  public DatabaseOutageFilter(DatabaseGate gate, ObjectMapper mapper) {
    this(gate, mapper, () -> false);
  }

  /**
   * @param databaseDown whether the database fails to answer now (asked after a 500 that nothing
   *     explained yet)
   */
  public DatabaseOutageFilter(
      DatabaseGate gate, ObjectMapper mapper, java.util.function.BooleanSupplier databaseDown) {
    this.gate = gate;
    this.mapper = mapper;
    this.databaseDown = databaseDown;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!gate.admit()) {
      write(response);
      return;
    }
    OutageAwareResponse watched = new OutageAwareResponse(response, gate, databaseDown);
    try {
      chain.doFilter(request, watched);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!ConnectionFailures.isConnectionFailure(e) || response.isCommitted()) {
        throw e;
      }
      gate.failed(e);
      log.warn(
          "{} {} failed for want of a database connection: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.toString());
      response.reset();
      write(response);
      return;
    } finally {
      gate.done();
    }
    if (watched.dropped() && !response.isCommitted()) {
      log.warn(
          "{} {} answered 500 for want of a database connection: answered 503",
          request.getMethod(),
          request.getRequestURI());
      response.reset();
      write(response);
    }
  }

  private void write(HttpServletResponse response) throws IOException {
    long seconds = gate.retryAfterSeconds();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    byte[] body = mapper.writeValueAsBytes(Problems.databaseUnavailable(seconds));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
