package io.contractflow.notification;

import static io.contractflow.platform.web.ProblemResponses.invalidField;
import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.web.WebSlice;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Notification preferences: every kind of bad input named field by field, nothing saved. */
@WebSlice(PreferencesController.class)
class PreferencesControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean NotificationPreferences preferences;
  @MockitoBean CurrentUserProvider currentUser;

  @BeforeEach
  void caller() {
    when(currentUser.get())
        .thenReturn(new CurrentUser("rita", Set.of("requester"), Set.of(Role.REQUESTER)));
  }

  private static MockHttpServletRequestBuilder update(String body) {
    return put("/api/notifications/preferences")
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }

  @Test
  void badPreferencesAreNamedFieldByField() throws Exception {
    mvc.perform(update("[]")).andExpect(invalidField(""));
    mvc.perform(update("{\"events\": 1}")).andExpect(invalidField("events"));
    mvc.perform(update("{\"events\": {}, \"mode\": \"all\"}")).andExpect(invalidField("mode"));
    mvc.perform(
            update(
                "{\"events\": {\"lottery-win\": {\"enabled\": true, \"delivery\": \"immediate\"}}}"))
        .andExpect(invalidField("events.lottery-win"));
    mvc.perform(
            update(
                "{\"events\": {\"task-waiting\": {\"enabled\": \"yes\", \"delivery\": \"weekly\", \"x\": 1}}}"))
        .andExpect(problem(400, "validation", "Invalid request", "The request has invalid fields"))
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder(
                    "events.task-waiting.x",
                    "events.task-waiting.enabled",
                    "events.task-waiting.delivery")));
    verifyNoInteractions(preferences);
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() throws Exception {
    mvc.perform(update("{\"events\": "))
        .andExpect(problem(400, "malformed-body", "Malformed request body"));
    verifyNoInteractions(preferences);
  }
}
