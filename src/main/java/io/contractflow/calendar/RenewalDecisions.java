package io.contractflow.calendar;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * When the owners' renewal decisions are due, for the contracts whose active term still waits for
 * one (before the decision is asked for, or while it is open). The lifecycle knows it; the workflow
 * feature implements this, so the calendar does not import the engine.
 */
public interface RenewalDecisions {

  /**
   * The pending decisions of these contracts due in {@code [from, to)}, by contract id; contracts
   * without one are absent.
   */
  Map<UUID, Instant> pending(Collection<UUID> contractIds, Instant from, Instant to);
}
