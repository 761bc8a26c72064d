package io.contractflow.search;

import static io.contractflow.platform.web.ProblemResponses.invalidField;
import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.UnavailableException;
import io.contractflow.platform.web.WebSlice;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search API's validation and error mapping, on the web slice with the search (and so
 * OpenSearch) mocked.
 */
@WebSlice(SearchController.class)
@EnableConfigurationProperties(SearchProperties.class)
class SearchControllerTest {

  private static final CurrentUser RITA =
      new CurrentUser("rita", Set.of("requester"), Set.of(Role.REQUESTER));

  @Autowired MockMvc mvc;
  @MockitoBean ContractSearch search;
  @MockitoBean SearchExport export;
  @MockitoBean CurrentUserProvider currentUser;

  @BeforeEach
  void caller() {
    when(currentUser.get()).thenReturn(RITA);
  }

  @Test
  void badParametersAre400BeforeSearching() throws Exception {
    mvc.perform(get("/api/search/contracts?size=101")).andExpect(invalidField("size"));
    mvc.perform(get("/api/search/contracts?page=-1")).andExpect(invalidField("page"));
    mvc.perform(get("/api/search/contracts?sort=password")).andExpect(invalidField("sort"));
    mvc.perform(get("/api/search/contracts?type=HANDSHAKE")).andExpect(invalidField("type"));
    mvc.perform(get("/api/search/contracts?startFrom=2030-05-01&startTo=2030-04-01"))
        .andExpect(invalidField("startTo"));
    mvc.perform(get("/api/search/contracts?expiringWithinDays=9999"))
        .andExpect(invalidField("expiringWithinDays"));
    mvc.perform(get("/api/search/contracts?after=not-a-cursor")).andExpect(invalidField("after"));
    verifyNoInteractions(search);
  }

  @Test
  void aTooLargeQueryIsQueryTooLarge() throws Exception {
    mvc.perform(get("/api/search/contracts").param("q", "x".repeat(501)))
        .andExpect(
            problem(
                400,
                "query-too-large",
                "Bad Request",
                "The query has 501 characters; at most 500 are allowed"))
        .andExpect(jsonPath("$.errors[*].field", hasItem("q")));
    mvc.perform(get("/api/search/contracts").param("q", "a* b* c* d* e* f*"))
        .andExpect(problem(400, "query-too-large", "Bad Request"));
    verifyNoInteractions(search);
  }

  @Test
  void theSearchsRefusalsBecomeTheirProblems() throws Exception {
    when(search.search(eq(RITA), any()))
        .thenThrow(
            new InvalidInputException(
                "invalid-query",
                "The query cannot be parsed: syntax error",
                List.of(new FieldError("q", "is not a valid query"))));
    mvc.perform(get("/api/search/contracts").param("q", "title:("))
        .andExpect(
            problem(
                400, "invalid-query", "Bad Request", "The query cannot be parsed: syntax error"))
        .andExpect(jsonPath("$.errors[0].field").value("q"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a valid query"));

    when(search.search(eq(RITA), any()))
        .thenThrow(
            new UnavailableException(
                "search-unavailable", "Search cannot be reached right now; try again later"));
    mvc.perform(get("/api/search/contracts").param("q", "lease"))
        .andExpect(
            problem(
                503,
                "search-unavailable",
                "Service Unavailable",
                "Search cannot be reached right now; try again later"));
  }
}
