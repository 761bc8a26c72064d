package io.contractflow.contract;

import static io.contractflow.platform.web.ProblemResponses.invalidField;
import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.web.WebSlice;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contract API's validation and error mapping, on the web slice with the service mocked. */
@WebSlice(ContractController.class)
class ContractControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CurrentUser RITA =
      new CurrentUser("rita", Set.of("requester"), Set.of(Role.REQUESTER));

  @Autowired MockMvc mvc;
  @MockitoBean ContractService service;
  @MockitoBean CurrentUserProvider currentUser;
  @MockitoBean ContractListExport export;

  @BeforeEach
  void caller() {
    when(currentUser.get()).thenReturn(RITA);
  }

  private static ObjectNode validBody() {
    ObjectNode body = JSON.createObjectNode();
    body.put("title", "Services agreement");
    body.put("type", "SERVICES");
    body.put("counterpartyId", UUID.randomUUID().toString());
    body.putObject("value").put("amount", 12000.50).put("currency", "EUR");
    body.put("startDate", "2030-01-01");
    body.put("endDate", "2030-12-31");
    body.putObject("renewal").put("autoRenew", false).put("noticePeriodDays", 30);
    return body;
  }

  private static MockHttpServletRequestBuilder create(String body) {
    return post("/api/contracts").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void malformedJsonIsAMalformedBody() throws Exception {
    mvc.perform(create("not json"))
        .andExpect(problem(400, "malformed-body", "Malformed request body"));
    mvc.perform(create("[]")).andExpect(problem(400, "malformed-body", "Malformed request body"));
    mvc.perform(create(""))
        .andExpect(
            problem(
                400,
                "malformed-body",
                "Malformed request body",
                "The request body is missing or unreadable"));
    verifyNoInteractions(service);
  }

  @Test
  void missingAndInvalidFieldsAreNamed() throws Exception {
    ObjectNode noTitle = validBody();
    noTitle.remove("title");
    mvc.perform(create(noTitle.toString())).andExpect(invalidField("title"));

    ObjectNode textAmount = validBody();
    textAmount.with("value").put("amount", "a lot");
    mvc.perform(create(textAmount.toString()))
        .andExpect(invalidField("value.amount"))
        .andExpect(jsonPath("$.detail").value("Field 'value.amount' must be a number"));

    mvc.perform(create(validBody().put("type", "HANDSHAKE").toString()))
        .andExpect(invalidField("type"));
    mvc.perform(create(validBody().put("startDate", "2026-13-45").toString()))
        .andExpect(invalidField("startDate"));
    mvc.perform(create(validBody().put("title", 5).toString())).andExpect(invalidField("title"));
    mvc.perform(create(validBody().put("status", "ACTIVE").toString()))
        .andExpect(invalidField("status"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a field that can be set"));
    verifyNoInteractions(service);
  }

  @Test
  void anotherMediaTypeIs415() throws Exception {
    mvc.perform(
            post("/api/contracts")
                .contentType(MediaType.TEXT_PLAIN)
                .content(validBody().toString()))
        .andExpect(problem(415, "unsupported-media-type", "Unsupported Media Type"));
  }

  @Test
  void badIdsAndListParametersAre400() throws Exception {
    mvc.perform(get("/api/contracts/not-a-uuid"))
        .andExpect(invalidField("id"))
        .andExpect(jsonPath("$.detail").value("Field 'id' must be a UUID"));
    mvc.perform(get("/api/contracts?size=101")).andExpect(invalidField("size"));
    mvc.perform(get("/api/contracts?sort=password")).andExpect(invalidField("sort"));
    mvc.perform(get("/api/contracts?status=FROZEN")).andExpect(invalidField("status"));
    mvc.perform(get("/api/contracts?valueMin=10&valueMax=1")).andExpect(invalidField("valueMax"));
    mvc.perform(get("/api/contracts?q=" + "x".repeat(201))).andExpect(invalidField("q"));
    verifyNoInteractions(service);
  }

  @Test
  void theServicesRefusalsBecomeTheirProblems() throws Exception {
    UUID id = UUID.randomUUID();
    when(service.get(RITA, id)).thenThrow(NotFoundException.of("Contract", id));
    mvc.perform(get("/api/contracts/" + id))
        .andExpect(
            problem(
                404,
                "not-found",
                "Not Found",
                "Contract " + id + " does not exist or is not visible to you"));

    when(service.create(eq(RITA), any()))
        .thenThrow(
            new NotPermittedException("Only requesters and contract admins create contracts"));
    mvc.perform(create(validBody().toString()))
        .andExpect(
            problem(
                403,
                "forbidden",
                "Forbidden",
                "Only requesters and contract admins create contracts"));

    when(service.update(eq(RITA), eq(id), eq("\"0\""), any()))
        .thenThrow(new ConflictException("A SIGNING contract cannot be edited; only drafts can"));
    mvc.perform(
            put("/api/contracts/" + id)
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(validBody().toString()))
        .andExpect(
            problem(
                409,
                "conflict",
                "Conflict",
                "A SIGNING contract cannot be edited; only drafts can"));

    when(service.cancel(RITA, id, null))
        .thenThrow(
            InvalidInputException.field("counterpartyId", "does not name a known counterparty"));
    mvc.perform(post("/api/contracts/" + id + "/cancel"))
        .andExpect(problem(400, "validation", "Invalid request", "The request has invalid fields"))
        .andExpect(jsonPath("$.errors[0].field").value("counterpartyId"))
        .andExpect(jsonPath("$.errors[0].message").value("does not name a known counterparty"));
  }
}
