package io.contractflow.platform.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * What a slice test expects of an RFC 9457 problem answer: status, type, title, and the fields at
 * fault.
 */
public final class ProblemResponses {

  private ProblemResponses() {}

  /** A problem with this status, type {@code urn:contractflow:problem:<slug>} and title. */
  public static ResultMatcher problem(int status, String slug, String title) {
    return ResultMatcher.matchAll(
        status().is(status),
        content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
        jsonPath("$.status").value(status),
        jsonPath("$.type").value(Problems.TYPE_PREFIX + slug),
        jsonPath("$.title").value(title));
  }

  /** A problem as {@link #problem}, with exactly this detail. */
  public static ResultMatcher problem(int status, String slug, String title, String detail) {
    return ResultMatcher.matchAll(problem(status, slug, title), jsonPath("$.detail").value(detail));
  }

  /** A 400 {@code validation} problem naming this field among its errors. */
  public static ResultMatcher invalidField(String field) {
    return ResultMatcher.matchAll(
        problem(400, "validation", "Invalid request"),
        jsonPath("$.errors[*].field", hasItem(field)));
  }
}
