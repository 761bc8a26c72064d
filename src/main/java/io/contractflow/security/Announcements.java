package io.contractflow.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says whether a refusal for a key is the first within a period, so a flood of refused requests
 * writes one line per key and minute to the security log, not one per request.
 */
public final class Announcements {

  private final Duration period;
  private final int maxKeys;
  private final Map<String, Instant> last = new ConcurrentHashMap<>();

  public Announcements(Duration period, int maxKeys) {
    this.period = period;
    this.maxKeys = maxKeys;
  }

  public boolean firstIn(String key, Instant now) {
    if (last.size() >= maxKeys) {
      last.values().removeIf(at -> at.plus(period).isBefore(now));
      if (last.size() >= maxKeys) {
        last.clear();
      }
    }
    boolean[] first = {false};
    last.compute(
        key,
        (k, at) -> {
          if (at == null || !at.plus(period).isAfter(now)) {
            first[0] = true;
            return now;
          }
          return at;
        });
    return first[0];
  }
}
