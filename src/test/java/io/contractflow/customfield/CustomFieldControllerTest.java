package io.contractflow.customfield;

import static io.contractflow.platform.web.ProblemResponses.invalidField;
import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.contractflow.contract.ContractType;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.web.WebSlice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The custom fields API's validation and error mapping, on the web slice with the service mocked.
 */
@WebSlice(CustomFieldController.class)
class CustomFieldControllerTest {

  private static final CurrentUser ADMIN =
      new CurrentUser("admin", Set.of("contract-admin"), Set.of(Role.CONTRACT_ADMIN));
  private static final CustomFieldDefinition RISK =
      new CustomFieldDefinition(
          UUID.randomUUID(),
          "risk",
          "Risk",
          ContractType.SERVICES,
          FieldKind.CHOICE,
          true,
          List.of("low", "high"),
          false,
          Instant.EPOCH,
          Instant.EPOCH,
          3);

  @Autowired MockMvc mvc;
  @MockitoBean CustomFieldDefinitions definitions;
  @MockitoBean CurrentUserProvider currentUser;

  @BeforeEach
  void caller() {
    when(currentUser.get()).thenReturn(ADMIN);
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void badDefinitionsAre400BeforeTheServiceIsCalled() throws Exception {
    mvc.perform(
            json(
                post("/api/admin/custom-fields"),
                "{\"key\": \"Bad Key\", \"label\": \"x\", \"kind\": \"TEXT\"}"))
        .andExpect(invalidField("key"));
    mvc.perform(
            json(
                post("/api/admin/custom-fields"),
                "{\"key\": \"k\", \"label\": \" \", \"kind\": \"TEXT\"}"))
        .andExpect(invalidField("label"));
    mvc.perform(
            json(
                post("/api/admin/custom-fields"),
                "{\"key\": \"k\", \"label\": \"x\", \"kind\": \"COLOUR\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            json(
                post("/api/admin/custom-fields"),
                "{\"key\": \"k\", \"label\": \"x\", \"kind\": \"TEXT\", \"contractType\": \"HANDSHAKE\"}"))
        .andExpect(status().isBadRequest());
    verifyNoInteractions(definitions);
  }

  @Test
  void aCreatedFieldComesWithItsLocationAndETag() throws Exception {
    when(definitions.create(eq(ADMIN), any())).thenReturn(RISK);
    mvc.perform(
            json(
                post("/api/admin/custom-fields"),
                "{\"key\": \"risk\", \"label\": \"Risk\", \"kind\": \"CHOICE\", \"choices\": [\"low\", \"high\"]}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/admin/custom-fields/" + RISK.id()))
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(jsonPath("$.choices[1]").value("high"));
  }

  @Test
  void refusalsAndArchivingMapToTheirStatus() throws Exception {
    when(definitions.all(any())).thenThrow(new NotPermittedException("Only contract admins"));
    mvc.perform(get("/api/admin/custom-fields"))
        .andExpect(problem(403, "forbidden", "Forbidden", "Only contract admins"));
    when(definitions.delete(ADMIN, RISK.id())).thenReturn(Optional.of(RISK));
    mvc.perform(delete("/api/admin/custom-fields/" + RISK.id()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.key").value("risk"));
    UUID gone = UUID.randomUUID();
    when(definitions.delete(ADMIN, gone)).thenReturn(Optional.empty());
    mvc.perform(delete("/api/admin/custom-fields/" + gone)).andExpect(status().isNoContent());
    when(definitions.active(ContractType.SERVICES)).thenReturn(List.of(RISK));
    mvc.perform(get("/api/custom-fields?type=SERVICES"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].key").value("risk"));
  }
}
