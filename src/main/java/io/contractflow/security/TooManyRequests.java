package io.contractflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The 429 answer: an RFC 9457 problem and {@code Retry-After} in whole seconds (at least 1). */
final class TooManyRequests {

  private TooManyRequests() {}

  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  static void write(HttpServletResponse response, ObjectMapper mapper, Duration wait, String detail)
      throws IOException {
    long seconds = seconds(wait);
    ProblemDetail body =
        Problems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-requests",
            "Too Many Requests",
            detail + "; try again in " + seconds + " s");
    body.setProperty("retryAfterSeconds", seconds);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), body);
  }
}
