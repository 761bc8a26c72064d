package io.contractflow.obligation;

import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Obligations")
class ObligationController {

  private final Obligations obligations;
  private final ObligationsFromPaymentTerms fromTerms;
  private final CurrentUserProvider currentUser;
  private final Clock clock;

  ObligationController(
      Obligations obligations,
      ObligationsFromPaymentTerms fromTerms,
      CurrentUserProvider currentUser,
      Clock clock) {
    this.obligations = obligations;
    this.fromTerms = fromTerms;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/api/contracts/{contractId}/obligations")
  @Operation(summary = "The contract's obligations and their instalments (whoever reads it)")
  List<Obligation> list(@PathVariable UUID contractId) {
    return obligations.of(currentUser.get(), contractId);
  }

  @PostMapping("/api/contracts/{contractId}/obligations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Add an obligation (payment, delivery, report, notice, custom) with its schedule"
              + " (owner, admins); on an active contract its instalments start at once")
  Obligation add(@PathVariable UUID contractId, @Valid @RequestBody ObligationRequest request) {
    return obligations.add(currentUser.get(), contractId, request);
  }

  @PostMapping("/api/contracts/{contractId}/obligations/from-extracted-terms")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Add the payment obligation the payment terms of the contract's document imply (net N:"
              + " once, N days after the start; a rhythm: every period to the end date) (owner,"
              + " admins); 409 when the document states none or it was added already")
  Obligation fromExtractedTerms(@PathVariable UUID contractId) {
    return fromTerms.create(currentUser.get(), contractId);
  }

  @GetMapping("/api/obligations")
  @Operation(
      summary =
          "My open instalments (owned by me or my groups, or on my contracts) due by a date"
              + " (default: 30 days from today)")
  List<Obligations.DueInstalment> mine(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate due) {
    LocalDate by = due != null ? due : LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(30);
    return obligations.mine(currentUser.get(), by);
  }

  @PostMapping("/api/obligations/{obligationId}/instalments/{seq}/waive")
  @Operation(summary = "Waive an open instalment, with a reason (contract admins)")
  Instalment waive(
      @PathVariable UUID obligationId,
      @PathVariable @Min(1) @Max(InstalmentSchedule.MAX) int seq,
      @Valid @RequestBody WaiveRequest request) {
    return obligations.waive(currentUser.get(), obligationId, seq, request);
  }
}
