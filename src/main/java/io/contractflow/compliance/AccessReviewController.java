package io.contractflow.compliance;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.export.TableFile;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compliance", description = "Evidence for reviews and audits (admins, auditors)")
class AccessReviewController {

  private static final List<String> HEADINGS =
      List.of(
          "Type",
          "Id",
          "Name",
          "E-mail",
          "Roles",
          "Shares",
          "Shared contracts (first 50)",
          "Last sign-in (UTC)",
          "Signed in through");

  private final AccessReview review;
  private final CurrentUserProvider currentUser;
  private final Clock clock;

  AccessReviewController(AccessReview review, CurrentUserProvider currentUser, Clock clock) {
    this.review = review;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/api/admin/access-review")
  @Operation(
      summary = "Who holds which role and which shares, and when each user last signed in",
      description =
          "Users in the roles' groups, users and groups holding shares (VIEW or EDIT, by contract"
              + " reference), and the last sign-in on any surface (recorded to ten minutes)."
              + " Admins and auditors only.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = AccessReview.Review.class)),
        @Content(mediaType = TableFile.CSV, schema = @Schema(type = "string")),
        @Content(mediaType = TableFile.XLSX, schema = @Schema(type = "string", format = "binary"))
      })
  ResponseEntity<?> accessReview(
      @Parameter(description = "csv or xlsx: the review as a table to download")
          @RequestParam(required = false)
          String format) {
    if (!currentUser.get().readsAll()) {
      throw ApiException.forbidden("Only contract admins and auditors read the access review");
    }
    if (format != null && !TableFile.isFormat(format)) {
      throw ApiException.invalid("format", "must be csv or xlsx");
    }
    AccessReview.Review built = review.build();
    if (format == null) {
      return ResponseEntity.ok(built);
    }
    List<List<Object>> rows =
        built.principals().stream()
            .map(
                p ->
                    Arrays.<Object>asList(
                        p.type(),
                        p.id(),
                        p.name(),
                        p.email(),
                        String.join(", ", p.roles()),
                        p.shares(),
                        String.join("; ", p.sharedContracts()),
                        p.lastSignIn() == null ? null : p.lastSignIn().toString(),
                        p.lastSignInSurface()))
            .toList();
    return TableFile.download(
        "access-review", LocalDate.now(clock.withZone(ZoneOffset.UTC)), format, HEADINGS, rows);
  }
}
