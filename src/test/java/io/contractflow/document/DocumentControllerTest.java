package io.contractflow.document;

import static io.contractflow.platform.web.ProblemResponses.invalidField;
import static io.contractflow.platform.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.error.RejectedContentException;
import io.contractflow.platform.error.UnavailableException;
import io.contractflow.platform.web.WebSlice;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The document API's validation and error mapping, on the web slice with the service mocked. */
@WebSlice(DocumentController.class)
class DocumentControllerTest {

  private static final CurrentUser RITA =
      new CurrentUser("rita", Set.of("requester"), Set.of(Role.REQUESTER));
  private final UUID contract = UUID.randomUUID();

  @Autowired MockMvc mvc;
  @MockitoBean DocumentService documents;
  @MockitoBean CurrentUserProvider currentUser;

  @BeforeEach
  void caller() {
    when(currentUser.get()).thenReturn(RITA);
  }

  private String path(String rest) {
    return "/api/contracts/" + contract + "/documents" + rest;
  }

  private MockHttpServletRequestBuilder upload(String name) {
    return multipart(path(""))
        .file(new MockMultipartFile("file", name, "application/pdf", new byte[] {1, 2, 3}));
  }

  @Test
  void refusedUploadsKeepTheirStatusAndType() throws Exception {
    when(documents.upload(eq(RITA), eq(contract), eq("evil.exe"), any(), any()))
        .thenThrow(
            new RejectedContentException(
                RejectedContentException.Reason.UNSUPPORTED,
                "unsupported-document",
                "Only PDF and DOCX documents are accepted"));
    mvc.perform(upload("evil.exe"))
        .andExpect(
            problem(
                415,
                "unsupported-document",
                "Unsupported Media Type",
                "Only PDF and DOCX documents are accepted"));

    when(documents.upload(eq(RITA), eq(contract), eq("huge.pdf"), any(), any()))
        .thenThrow(
            new RejectedContentException(
                RejectedContentException.Reason.TOO_LARGE,
                "document-too-large",
                "The document has too many pages"));
    mvc.perform(upload("huge.pdf"))
        .andExpect(problem(413, "document-too-large", "Payload Too Large"));

    when(documents.upload(eq(RITA), eq(contract), eq("eicar.pdf"), any(), any()))
        .thenThrow(
            new RejectedContentException(
                RejectedContentException.Reason.HARMFUL,
                "malware",
                "The document contains malware"));
    mvc.perform(upload("eicar.pdf")).andExpect(problem(422, "malware", "Unprocessable Entity"));

    when(documents.upload(eq(RITA), eq(contract), eq("later.pdf"), any(), any()))
        .thenThrow(
            new UnavailableException(
                "storage-unavailable", "The document store cannot be reached; try again later"));
    mvc.perform(upload("later.pdf"))
        .andExpect(problem(503, "storage-unavailable", "Service Unavailable"));

    when(documents.upload(eq(RITA), eq(contract), eq("notyours.pdf"), any(), any()))
        .thenThrow(new NotPermittedException("You may read this contract but not change it"));
    mvc.perform(upload("notyours.pdf"))
        .andExpect(
            problem(403, "forbidden", "Forbidden", "You may read this contract but not change it"));

    when(documents.upload(eq(RITA), eq(contract), eq("late.pdf"), any(), any()))
        .thenThrow(new ConflictException("A SIGNING contract cannot be changed; only drafts can"));
    mvc.perform(upload("late.pdf")).andExpect(problem(409, "conflict", "Conflict"));
  }

  @Test
  void anUploadWithoutAFileIs400() throws Exception {
    mvc.perform(
            multipart(path(""))
                .file(new MockMultipartFile("other", "a.pdf", "application/pdf", new byte[] {1})))
        .andExpect(problem(400, "bad-request", "Bad Request"));
    verifyNoInteractions(documents);
  }

  @Test
  void badVersionsAndIdsAre400() throws Exception {
    mvc.perform(get(path("/0"))).andExpect(invalidField("version"));
    mvc.perform(get(path("/one"))).andExpect(invalidField("version"));
    mvc.perform(get("/api/contracts/nope/documents")).andExpect(invalidField("contractId"));
    mvc.perform(get(path("/compare?from=0&to=2"))).andExpect(invalidField("from"));
    mvc.perform(
            put(path("/current"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}"))
        .andExpect(invalidField("version"));
    mvc.perform(
            put(path("/current"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":\"two\"}"))
        .andExpect(invalidField("version"));
    verifyNoInteractions(documents);
  }

  @Test
  void anUnknownVersionIs404() throws Exception {
    when(documents.get(RITA, contract, 7)).thenThrow(NotFoundException.of("Document version", 7));
    mvc.perform(get(path("/7")))
        .andExpect(
            problem(
                404,
                "not-found",
                "Not Found",
                "Document version 7 does not exist or is not visible to you"));
    when(documents.makeCurrent(eq(RITA), eq(contract), anyInt()))
        .thenThrow(NotFoundException.of("Document version", 9));
    mvc.perform(
            put(path("/current"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":9}"))
        .andExpect(problem(404, "not-found", "Not Found"));
  }
}
