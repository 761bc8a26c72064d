package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.export.TableFile;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports over the contracts the caller may read (admins and auditors: all). Each answers JSON
 * (charts and a table) or, with {@code format=csv|xlsx}, its table as a file.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(
    name = "Reports",
    description =
        "Portfolio, renewals, cycle times, approval outcomes, overdue reviews, obligations and signing times over"
            + " the contracts the caller may read (admins and auditors: all). JSON for charts, or"
            + " format=csv|xlsx for the table as a file.")
class ReportController {

  private static final String FORMAT_DESCRIPTION =
      "json (default): charts and table; csv or xlsx: the table as a file to download";
  private static final String MONTHS_DESCRIPTION =
      "the current month and the months before it, 1 to 36 (default 12)";

  private final Reports reports;
  private final CurrentUserProvider currentUser;
  private final Clock clock;

  ReportController(Reports reports, CurrentUserProvider currentUser, Clock clock) {
    this.reports = reports;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The answers every report documents. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The report",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Report.class)),
        @Content(mediaType = ReportExport.CSV, schema = @Schema(type = "string")),
        @Content(
            mediaType = ReportExport.XLSX,
            schema = @Schema(type = "string", format = "binary"))
      })
  @ApiResponse(responseCode = "400", description = "A parameter is invalid (problem details)")
  @ApiResponse(responseCode = "401", description = "Not signed in")
  @interface ReportResponses {}

  @GetMapping("/portfolio")
  @Operation(
      summary = "Contracts and their value by status, type, counterparty, owner and currency",
      description =
          "Values in the base currency (contractflow.lifecycle.base-currency), converted with the"
              + " configured exchange rates; contracts in a currency without a rate are counted,"
              + " not valued.")
  @ReportResponses
  ResponseEntity<?> portfolio(
      @Parameter(
              description =
                  "cf.<key> of a choice custom field: the contracts and their value by its choices"
                      + " too (dimension cf.<key>; '(no value)' for contracts without one)")
          @RequestParam(required = false)
          String groupBy,
      @Parameter(description = FORMAT_DESCRIPTION) @RequestParam(required = false) String format) {
    return answer(format, scope -> reports.portfolio(scope, groupBy));
  }

  @GetMapping("/renewals")
  @Operation(
      summary = "Active contracts ending, and notice deadlines, in the next days",
      description = "Counted in 0–30, 31–60 and 61–90 days; the table lists the contracts.")
  @ReportResponses
  ResponseEntity<?> renewals(
      @Parameter(description = "how many days ahead, today included: 1 to 365 (default 90)")
          @RequestParam(required = false)
          Integer days,
      @Parameter(description = FORMAT_DESCRIPTION) @RequestParam(required = false) String format) {
    return answer(format, scope -> reports.renewals(scope, days));
  }

  @GetMapping("/cycle-times")
  @Operation(
      summary = "Cycle time per phase, approver group and approver (p50, p90, by month)",
      description = "From the engine's history: finished phases and completed review tasks.")
  @ReportResponses
  ResponseEntity<?> cycleTimes(
      @Parameter(description = MONTHS_DESCRIPTION) @RequestParam(required = false) Integer months,
      @Parameter(description = FORMAT_DESCRIPTION) @RequestParam(required = false) String format) {
    return answer(format, scope -> reports.cycleTimes(scope, months));
  }

  @GetMapping("/approval-outcomes")
  @Operation(
      summary = "Review rounds approved, rejected, with changes requested; rework loops",
      description = "From the engine's history: review rounds that finished in the window.")
  @ReportResponses
  ResponseEntity<?> approvalOutcomes(
      @Parameter(description = MONTHS_DESCRIPTION) @RequestParam(required = false) Integer months,
      @Parameter(description = FORMAT_DESCRIPTION) @RequestParam(required = false) String format) {
    return answer(format, scope -> reports.approvalOutcomes(scope, months));
  }

  @GetMapping("/overdue-reviews")
  @Operation(
      summary = "Open reviews past due or escalated; late and escalated reviews by month",
      description = "The table lists up to 500 open review tasks, most overdue first.")
  @ReportResponses
  ResponseEntity<?> overdueReviews(
      @Parameter(description = MONTHS_DESCRIPTION) @RequestParam(required = false) Integer months,
      @Parameter(description = FORMAT_DESCRIPTION) @RequestParam(required = false) String format) {
    return answer(format, scope -> reports.overdueReviews(scope, months));
  }

  @GetMapping("/obligations")
  @Operation(
      summary = "Obligations due, overdue and met, by counterparty",
      description =
          "Instalments due from the window's first month to 90 days ahead, by counterparty and"
              + " whose side owes them.")
  @ReportResponses
  ResponseEntity<?> obligations(
      @Parameter(description = MONTHS_DESCRIPTION) @RequestParam(required = false) Integer months,
      @Parameter(description = FORMAT_DESCRIPTION) @RequestParam(required = false) String format) {
    return answer(format, scope -> reports.obligations(scope, months));
  }

  @GetMapping("/signing-times")
  @Operation(
      summary = "Signing requests and time to signed, by provider",
      description = "Signing requests sent in the window; p50 and p90 of completed ones.")
  @ReportResponses
  ResponseEntity<?> signingTimes(
      @Parameter(description = MONTHS_DESCRIPTION) @RequestParam(required = false) Integer months,
      @Parameter(description = FORMAT_DESCRIPTION) @RequestParam(required = false) String format) {
    return answer(format, scope -> reports.signingTimes(scope, months));
  }

  private ResponseEntity<?> answer(String format, Function<ContractScope, Report> build) {
    String chosen = format == null ? "json" : format.toLowerCase(Locale.ROOT);
    if (!chosen.equals("json") && !chosen.equals("csv") && !chosen.equals("xlsx")) {
      throw ApiException.invalid("format", "must be json, csv or xlsx");
    }
    Report report = build.apply(ContractScope.of(currentUser.get()));
    if (chosen.equals("json")) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
    return TableFile.download(
        report.report(),
        LocalDate.now(clock.withZone(ZoneOffset.UTC)),
        chosen,
        ReportExport.headings(report),
        report.table().rows());
  }
}
