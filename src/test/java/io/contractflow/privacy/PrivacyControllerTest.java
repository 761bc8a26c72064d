package io.contractflow.privacy;

import static io.contractflow.platform.web.ProblemResponses.invalidField;
import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.web.WebSlice;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The privacy routes: bad bodies named as problems, non-admins refused, nothing carried out. */
@WebSlice(PrivacyController.class)
class PrivacyControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean PrivacyRequests requests;
  @MockitoBean CurrentUserProvider currentUser;

  private static MockHttpServletRequestBuilder call(String route, String body) {
    return post("/api/admin/privacy/" + route)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }

  @Test
  void badBodiesAreProblemsAndNothingIsDone() throws Exception {
    when(currentUser.get())
        .thenReturn(
            new CurrentUser("admin", Set.of("contract-admin"), Set.of(Role.CONTRACT_ADMIN)));
    for (String route : new String[] {"exports", "erasures"}) {
      mvc.perform(call(route, "{}")).andExpect(invalidField("email"));
      mvc.perform(call(route, "{\"email\": \"a@b.c\", \"userId\": \"rita\"}"))
          .andExpect(invalidField("email"));
      mvc.perform(call(route, "{\"email\": \"not an address\"}")).andExpect(invalidField("email"));
      mvc.perform(call(route, "{\"userId\": \"two words\"}")).andExpect(invalidField("userId"));
      mvc.perform(call(route, "{\"userId\": 5, \"x\": 1}")).andExpect(status().isBadRequest());
      mvc.perform(call(route, "{\"email\": "))
          .andExpect(problem(400, "malformed-body", "Malformed request body"));
    }
    verifyNoInteractions(requests);
  }

  @Test
  void onlyContractAdminsMakeRequests() throws Exception {
    when(currentUser.get())
        .thenReturn(new CurrentUser("audrey", Set.of("auditor"), Set.of(Role.AUDITOR)));
    for (String route : new String[] {"exports", "erasures"}) {
      mvc.perform(call(route, "{\"userId\": \"rita\"}")).andExpect(status().isForbidden());
    }
    verifyNoInteractions(requests);
  }
}
