package io.contractflow.calendar;

import io.contractflow.contract.ContractStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One date of one contract on the renewals calendar.
 *
 * @param uid stable across answers and feeds: one per contract and kind
 * @param date the day (in the lifecycle's zone)
 * @param at for a renewal decision, the instant it is due; otherwise null (a whole day)
 */
@Schema(description = "A date of a contract on the renewals calendar")
public record CalendarEvent(
    String uid,
    Kind kind,
    LocalDate date,
    Instant at,
    UUID contractId,
    String reference,
    String title,
    ContractStatus status,
    String counterparty,
    LocalDate endDate,
    @Schema(description = "The contract's page in the workspace") String url) {

  /** What happens on the day. */
  public enum Kind {
    /** The last day on which notice may be given (renewable contracts only). */
    NOTICE_DEADLINE,
    /** The term's last day. */
    END_DATE,
    /** The owner's renewal decision is asked for. */
    RENEWAL_DECISION;

    String slug() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    String label() {
      return switch (this) {
        case NOTICE_DEADLINE -> "Notice deadline";
        case END_DATE -> "Ends";
        case RENEWAL_DECISION -> "Renewal decision due";
      };
    }
  }
}
