package io.contractflow.retention;

import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.web.WebSlice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The retention policy routes: only contract admins, a malformed body a problem; every field at
 * fault named before anything is stored.
 */
@WebSlice(RetentionPolicyController.class)
class RetentionPolicyControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean RetentionPolicies policies;
  @MockitoBean CurrentUserProvider currentUser;

  @Test
  void onlyContractAdminsReadOrSetPolicies() throws Exception {
    for (CurrentUser user :
        new CurrentUser[] {
          new CurrentUser("audrey", Set.of("auditor"), Set.of(Role.AUDITOR)),
          new CurrentUser("leo", Set.of("legal-reviewer"), Set.of(Role.LEGAL_REVIEWER)),
          new CurrentUser("rita", Set.of("requester"), Set.of(Role.REQUESTER))
        }) {
      when(currentUser.get()).thenReturn(user);
      mvc.perform(get("/api/admin/retention-policies")).andExpect(status().isForbidden());
      mvc.perform(
              put("/api/admin/retention-policies")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"defaultMonths\": 12}"))
          .andExpect(status().isForbidden());
    }
    verifyNoInteractions(policies);
  }

  @Test
  void aMalformedBodyIsAProblem() throws Exception {
    when(currentUser.get())
        .thenReturn(
            new CurrentUser("admin", Set.of("contract-admin"), Set.of(Role.CONTRACT_ADMIN)));
    mvc.perform(
            put("/api/admin/retention-policies")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"defaultMonths\": "))
        .andExpect(problem(400, "malformed-body", "Malformed request body"));
    verifyNoInteractions(policies);
  }

  @Test
  void everyFieldAtFaultIsNamedBeforeAnythingIsStored() {
    RetentionPolicies service = new RetentionPolicies(null, null, null);
    Map<String, Integer> types = new LinkedHashMap<>();
    types.put("NDA", 0);
    types.put("HANDSHAKE", 12);
    types.put("LEASE", 1201);
    InvalidInputException refused =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> service.replace(new RetentionPolicies.Change(null, types), "admin"));
    assertThat(refused.errors())
        .extracting(FieldError::field)
        .containsExactly("defaultMonths", "types.NDA", "types.HANDSHAKE", "types.LEASE");
  }
}
