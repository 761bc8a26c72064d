package io.contractflow.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A contract's current fixed term, as dated views (the renewals calendar) need it.
 *
 * @param renewable whether the contract renews (automatically, or with a renewal term): only then
 *     does its notice deadline matter, as for the renewal reminders
 * @param updatedAt when the contract last changed
 */
public record ContractTerm(
    UUID id,
    String reference,
    String title,
    ContractStatus status,
    String counterparty,
    LocalDate endDate,
    Integer noticePeriodDays,
    boolean renewable,
    Instant updatedAt) {

  /** When notice is due, in the zone in which contract dates start and end. */
  public NoticeDeadline noticeDeadline(ZoneId zone) {
    return NoticeDeadline.of(endDate, noticePeriodDays, zone);
  }

  static ContractTerm of(Contract c) {
    RenewalTerms renewal = c.getRenewal() == null ? RenewalTerms.none() : c.getRenewal();
    Integer months = renewal.renewalTermMonths();
    return new ContractTerm(
        c.getId(),
        c.getReference(),
        c.getTitle(),
        c.getStatus(),
        c.getCounterparty().getName(),
        c.getEndDate(),
        renewal.noticePeriodDays(),
        renewal.autoRenew() || (months != null && months > 0),
        c.getUpdatedAt());
  }
}
