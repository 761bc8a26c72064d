package io.contractflow.compliance;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.export.TableFile;
import io.contractflow.platform.web.ApiException;
import io.contractflow.security.SecurityEvents;
import io.contractflow.security.SecurityLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compliance", description = "Evidence for reviews and audits (admins, auditors)")
class SecurityLogController {

  static final int MAX_ROWS = 100_000;
  static final int MAX_DAYS = 400;
  private static final List<String> HEADINGS =
      List.of("At (UTC)", "Level", "Action", "Outcome", "User", "Source IP", "Message", "Fields");

  private final SecurityEvents events;
  private final SecurityLog securityLog;
  private final CurrentUserProvider currentUser;
  private final Clock clock;

  SecurityLogController(
      SecurityEvents events,
      SecurityLog securityLog,
      CurrentUserProvider currentUser,
      Clock clock) {
    this.events = events;
    this.securityLog = securityLog;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/api/admin/security-log")
  @Operation(
      summary = "The security log of a period, to review or download",
      description =
          "Sign-ins (interactive), failed and throttled logins, rate limits, changes to users,"
              + " groups and authorizations, model deployments and exports, oldest first, from"
              + " `from` to `to` (UTC days, both included; at most 400 days; default the last 7)."
              + " At most 100,000 events (X-Export-Truncated: true when there were more). The"
              + " export is itself logged. Admins and auditors only.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = SecurityEvents.Event.class))),
        @Content(mediaType = TableFile.CSV, schema = @Schema(type = "string")),
        @Content(mediaType = TableFile.XLSX, schema = @Schema(type = "string", format = "binary"))
      })
  ResponseEntity<?> securityLog(
      @Parameter(description = "first day (UTC), yyyy-mm-dd") @RequestParam(required = false)
          String from,
      @Parameter(description = "last day (UTC), yyyy-mm-dd") @RequestParam(required = false)
          String to,
      @Parameter(description = "csv or xlsx: a table to download") @RequestParam(required = false)
          String format,
      HttpServletRequest request) {
    CurrentUser user = currentUser.get();
    if (!user.readsAll()) {
      throw ApiException.forbidden("Only contract admins and auditors read the security log");
    }
    if (format != null && !TableFile.isFormat(format)) {
      throw ApiException.invalid("format", "must be csv or xlsx");
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate last = day("to", to, today);
    LocalDate first = day("from", from, last.minusDays(6));
    if (first.isAfter(last)) {
      throw ApiException.invalid("from", "must not be after to");
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw ApiException.invalid("from", "at most " + MAX_DAYS + " days at once");
    }
    Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<SecurityEvents.Event> found = events.between(start, end, MAX_ROWS + 1);
    boolean truncated = found.size() > MAX_ROWS;
    List<SecurityEvents.Event> rows = truncated ? found.subList(0, MAX_ROWS) : found;
    securityLog.exported(
        user.username(), request.getRemoteAddr(), "security-log", first + ".." + last);
    if (format == null) {
      return ResponseEntity.ok()
          .header("X-Export-Truncated", Boolean.toString(truncated))
          .body(rows);
    }
    ResponseEntity<byte[]> file =
        TableFile.download(
            "security-log",
            today,
            format,
            HEADINGS,
            rows.stream()
                .map(
                    e ->
                        Arrays.<Object>asList(
                            e.at().toString(),
                            e.level(),
                            e.action(),
                            e.outcome(),
                            e.user(),
                            e.sourceIp(),
                            e.message(),
                            e.fields()))
                .toList());
    return ResponseEntity.status(file.getStatusCode())
        .headers(file.getHeaders())
        .header("X-Export-Truncated", Boolean.toString(truncated))
        .body(file.getBody());
  }

  private static LocalDate day(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, "must be a date, yyyy-mm-dd");
    }
  }
}
