package io.contractflow.privacy;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Privacy",
    description =
        "A person's rights (GDPR): export everything held about them, erase them (contract admins)")
class PrivacyController {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final PrivacyRequests requests;
  private final CurrentUserProvider currentUser;

  PrivacyController(PrivacyRequests requests, CurrentUserProvider currentUser) {
    this.requests = requests;
    this.currentUser = currentUser;
  }

  /** Whom a request is about: one of the two. */
  record Subject(String email, String userId) {}

  @PostMapping(value = "/api/admin/privacy/exports", produces = "application/zip")
  @Operation(
      summary = "Everything held about one person, as a ZIP (contract admins)",
      description =
          "Body: {\"email\": ...} or {\"userId\": ...}. One JSON file per store of the privacy"
              + " inventory (docs/privacy.md) and the document versions the person uploaded or"
              + " signed; other people in the same records are masked. The export is recorded"
              + " (privacy_request, security log).")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = "string", format = "binary")))
  ResponseEntity<byte[]> export(
      @RequestBody(required = false) Subject body, HttpServletRequest request) {
    CurrentUser user = admin();
    Subject subject = valid(body);
    PersonalDataExport.Archive archive =
        requests.export(
            subject.email(), subject.userId(), user.username(), request.getRemoteAddr());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("personal-data.zip").build().toString())
        .body(archive.zip());
  }

  @PostMapping("/api/admin/privacy/erasures")
  @Operation(
      summary = "Erase one person everywhere (contract admins)",
      description =
          "Body: {\"email\": ...} or {\"userId\": ...}. Removes or anonymises the person in every"
              + " store of the privacy inventory; what must be kept (signed contracts under"
              + " retention) is kept and listed with the reason. Every audit chain still verifies.")
  PersonalDataErasure.Result erase(
      @RequestBody(required = false) Subject body, HttpServletRequest request) {
    CurrentUser user = admin();
    Subject subject = valid(body);
    return requests.erase(
        subject.email(), subject.userId(), user.username(), request.getRemoteAddr());
  }

  private CurrentUser admin() {
    CurrentUser user = currentUser.get();
    if (!user.isAdmin()) {
      throw ApiException.forbidden("Only contract admins handle privacy requests");
    }
    return user;
  }

  private static Subject valid(Subject body) {
    if (body == null) {
      throw ApiException.invalid("email", "give the person's email or userId");
    }
    boolean hasEmail = body.email() != null && !body.email().isBlank();
    boolean hasUser = body.userId() != null && !body.userId().isBlank();
    if (hasEmail == hasUser) {
      throw ApiException.invalid(
          "email", "give either the person's email or their userId, not both");
    }
    if (hasEmail && !EMAIL.matcher(body.email().strip()).matches()) {
      throw ApiException.invalid("email", "is not an e-mail address");
    }
    if (hasUser && !USER_ID.matcher(body.userId().strip()).matches()) {
      throw ApiException.invalid("userId", "is not a user id");
    }
    return new Subject(
        hasEmail ? body.email().strip() : null, hasUser ? body.userId().strip() : null);
  }
}
