package io.contractflow.signature.vendor;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook events applied so far, unique per provider and event id: a repeated delivery finds its id
 * here.
 */
@Component
class EsignEventInbox {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  EsignEventInbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records the event in the caller's transaction; false if it was recorded before (a duplicate).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean firstArrival(String provider, VendorEvent event) {
    return jdbc.update(
            "insert into contractflow.esign_event (provider, event_id, envelope_id, state, received_at)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing",
            provider,
            event.eventId(),
            event.status().envelopeId(),
            event.status().state().name(),
            Timestamp.from(clock.instant()))
        == 1;
  }
}
