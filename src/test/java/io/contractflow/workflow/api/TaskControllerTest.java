package io.contractflow.workflow.api;

import static io.contractflow.platform.web.ProblemResponses.invalidField;
import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.web.WebSlice;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The task API's validation and error mapping, on the web slice with the tasks (and so the engine)
 * mocked.
 */
@WebSlice(TaskController.class)
class TaskControllerTest {

  private static final CurrentUser LEO =
      new CurrentUser("leo", Set.of("legal-reviewer"), Set.of(Role.LEGAL_REVIEWER));

  @Autowired MockMvc mvc;
  @MockitoBean LifecycleTasks tasks;
  @MockitoBean CurrentUserProvider currentUser;

  @BeforeEach
  void caller() {
    when(currentUser.get()).thenReturn(LEO);
  }

  private static MockHttpServletRequestBuilder complete(String taskId, String body) {
    return post("/api/tasks/" + taskId + "/complete")
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }

  @Test
  void badBodiesAre400BeforeTheTaskIsTouched() throws Exception {
    mvc.perform(complete("t-1", "{\"decision\": "))
        .andExpect(problem(400, "malformed-body", "Malformed request body"));
    mvc.perform(complete("t-1", "{\"decision\": 1}")).andExpect(invalidField("decision"));
    mvc.perform(complete("t-1", "{\"decision\": \"" + "A".repeat(41) + "\"}"))
        .andExpect(invalidField("decision"));
    mvc.perform(complete("t-1", "{\"comment\": \"fine\\u202Eexe\"}"))
        .andExpect(invalidField("comment"));
    mvc.perform(complete("t-1", "{\"nonStandardTerms\": \"maybe\"}"))
        .andExpect(invalidField("nonStandardTerms"));
    mvc.perform(complete("t-1", "{\"approved\": true}")).andExpect(invalidField("approved"));
    mvc.perform(get("/api/tasks?contractId=c-1")).andExpect(invalidField("contractId"));
    verifyNoInteractions(tasks);
  }

  @Test
  void refusalsOfTheTaskRulesBecomeTheirProblems() throws Exception {
    when(tasks.get(LEO, "gone")).thenThrow(NotFoundException.of("Task", "gone"));
    mvc.perform(get("/api/tasks/gone"))
        .andExpect(
            problem(
                404,
                "not-found",
                "Not Found",
                "Task gone does not exist or is not visible to you"));

    when(tasks.claim(LEO, "own"))
        .thenThrow(
            new NotPermittedException("Four eyes: you own this contract and cannot review it"));
    mvc.perform(post("/api/tasks/own/claim"))
        .andExpect(
            problem(
                403,
                "forbidden",
                "Forbidden",
                "Four eyes: you own this contract and cannot review it"));

    when(tasks.unclaim(LEO, "taken"))
        .thenThrow(new ConflictException("This task belongs to sam and has nobody to go back to"));
    mvc.perform(post("/api/tasks/taken/unclaim")).andExpect(problem(409, "conflict", "Conflict"));

    doThrow(
            new ConflictException(
                "task-refused", "Choose a decision: APPROVE, REJECT or REQUEST_CHANGES"))
        .when(tasks)
        .complete(eq(LEO), eq("refused"), any());
    mvc.perform(complete("refused", "{}"))
        .andExpect(
            problem(
                409,
                "task-refused",
                "Conflict",
                "Choose a decision: APPROVE, REJECT or REQUEST_CHANGES"));

    doThrow(
            InvalidInputException.field(
                "decision", "must be one of APPROVE, REJECT, REQUEST_CHANGES"))
        .when(tasks)
        .complete(eq(LEO), eq("review"), any());
    mvc.perform(complete("review", "{\"decision\": \"MAYBE\"}"))
        .andExpect(problem(400, "validation", "Invalid request", "The request has invalid fields"))
        .andExpect(jsonPath("$.errors[0].field").value("decision"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("must be one of APPROVE, REJECT, REQUEST_CHANGES"));
  }

  @Test
  void formValuesOfTheWrongShapeAre400BeforeTheTaskIsTouched() throws Exception {
    mvc.perform(complete("t-1", "{\"values\": [\"risk\"]}")).andExpect(invalidField("values"));
    mvc.perform(complete("t-1", "{\"values\": \"HIGH\"}")).andExpect(invalidField("values"));
    verifyNoInteractions(tasks);
  }

  @Test
  void everyFormFieldAtFaultIsNamedInOneProblem() throws Exception {
    doThrow(
            new InvalidInputException(
                java.util.List.of(
                    new io.contractflow.platform.error.FieldError("values.risk", "is required"),
                    new io.contractflow.platform.error.FieldError(
                        "values.ticket", "must match the pattern ^SEC-[0-9]+$"))))
        .when(tasks)
        .complete(eq(LEO), eq("security"), any());
    mvc.perform(complete("security", "{\"values\": {\"ticket\": \"JIRA-1\"}}"))
        .andExpect(problem(400, "validation", "Invalid request", "The request has invalid fields"))
        .andExpect(jsonPath("$.errors[0].field").value("values.risk"))
        .andExpect(jsonPath("$.errors[1].field").value("values.ticket"))
        .andExpect(jsonPath("$.errors[1].message").value("must match the pattern ^SEC-[0-9]+$"));
  }

  @Test
  void theFormIsTheDeployedSchemaOr404() throws Exception {
    when(tasks.form(LEO, "security")).thenReturn("{\"id\":\"security-review\",\"components\":[]}");
    mvc.perform(get("/api/tasks/security/form"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
        .andExpect(jsonPath("$.id").value("security-review"));
    when(tasks.form(LEO, "plain")).thenThrow(new NotFoundException("The task plain has no form"));
    mvc.perform(get("/api/tasks/plain/form"))
        .andExpect(problem(404, "not-found", "Not Found", "The task plain has no form"));
  }
}
