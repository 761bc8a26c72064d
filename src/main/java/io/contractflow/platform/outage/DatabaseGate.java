package io.contractflow.platform.outage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "database unavailable" gate in front of the connection pool: a Resilience4j {@link
 * CircuitBreaker} over the attempts to get a connection. While the database answers it is closed
 * and costs a counter. When the latest attempts failed because the database is down ({@link
 * ConnectionFailures#isDatabaseDown}; a merely busy pool does not count) it opens: for {@link
 * OutageProperties#openFor} every attempt is refused at once ({@link DatabaseUnavailableException})
 * instead of waiting for the pool's timeout, so request threads do not pile up and background work
 * fails fast. Then one attempt is let through (half open): if it connects the gate closes,
 * otherwise it stays open for another period.
 */
public class DatabaseGate {

  private static final Logger log = LoggerFactory.getLogger(DatabaseGate.class);

  /** Something that connects. */
  @FunctionalInterface
  public interface Connect {
    Connection get() throws SQLException;
  }

  private final CircuitBreaker breaker;
  private final long retryAfterSeconds;

  /** What a request (a thread the web filter admitted) did with the gate. */
  private enum Mark {
    WATCHING,
    PROBE,
    FAILED
  }

  private final ThreadLocal<Mark> request = new ThreadLocal<>();

  public DatabaseGate(OutageProperties properties) {
    this.retryAfterSeconds = properties.retryAfterSeconds();
    this.breaker =
        CircuitBreaker.of(
            "database",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumAttempts())
                .failureRateThreshold(properties.failureRate())
                .waitDurationInOpenState(properties.openFor())
                // half open on time, not on the next caller: the web filter reads the state
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ConnectionFailures::isDatabaseDown)
                .writableStackTraceEnabled(false)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              switch (event.getStateTransition()) {
                case CLOSED_TO_OPEN ->
                    log.warn(
                        "The database is unavailable: connections are refused at once for {} s at"
                            + " a time, then one attempt is let through; requests are answered 503",
                        retryAfterSeconds);
                case HALF_OPEN_TO_CLOSED -> log.info("The database is available again");
                default -> log.debug("Database gate: {}", event.getStateTransition());
              }
            });
  }

  /**
   * Connects through the gate: refused at once while it is open, while the one probe of a half open
   * gate is under way, or when this request already failed to connect; otherwise {@code connect},
   * whose outcome the gate counts.
   */
  public Connection connect(Connect connect) throws SQLException {
    Mark mark = request.get();
    if (mark == Mark.FAILED) {
      throw new DatabaseUnavailableException(retryAfterSeconds);
    }
    if (mark == Mark.PROBE) {
      request.set(Mark.WATCHING); // the request's permission is spent on this attempt
    } else if (!breaker.tryAcquirePermission()) {
      if (mark != null) {
        request.set(Mark.FAILED);
      }
      throw new DatabaseUnavailableException(retryAfterSeconds);
    }
    long start = System.nanoTime();
    try {
      Connection connection = connect.get();
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return connection;
    } catch (SQLException | RuntimeException | Error e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      if (mark != null && ConnectionFailures.isConnectionFailure(e)) {
        request.set(Mark.FAILED);
      }
      throw e;
    }
  }

  /**
   * Counts a failure met on a connection already in use (the web layer reports what a request
   * failed with): when the database itself went away (sessions ended, connection reset), the gate
   * hears of it at once, not only when the next attempt to connect has waited out the pool's
   * timeout.
   */
  public void failed(Throwable failure) {
    if (ConnectionFailures.isDatabaseDown(failure)
        && breaker.getState() == CircuitBreaker.State.CLOSED) {
      breaker.onError(0, TimeUnit.NANOSECONDS, failure);
    }
  }

  /**
   * Whether a request that needs the database may go on (the web filter asks before any work): yes
   * while the gate is closed; no while it is open; when it is half open, only the one request that
   * takes the probe. A request that goes on is watched until {@link #done}: once it failed to
   * connect, its further attempts are refused at once (one wait for the pool per request at most),
   * and {@link #failedOnThisThread} tells so.
   */
  public boolean admit() {
    switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> {
        return false;
      }
      case HALF_OPEN -> {
        if (!breaker.tryAcquirePermission()) {
          return false;
        }
        request.set(Mark.PROBE);
        return true;
      }
      default -> {
        request.set(Mark.WATCHING);
        return true;
      }
    }
  }

  /** The admitted request is done: an unused probe permission goes back. */
  public void done() {
    if (request.get() == Mark.PROBE) {
      breaker.releasePermission();
    }
    request.remove();
  }

  /** The request on this thread failed to connect (or was refused by the gate). */
  public boolean failedOnThisThread() {
    return request.get() == Mark.FAILED;
  }

  /** The gate is not closed: the database failed lately and has not answered since. */
  public boolean suspectsOutage() {
    return breaker.getState() != CircuitBreaker.State.CLOSED;
  }

  /** The {@code Retry-After} of a refusal, in seconds. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public CircuitBreaker.State state() {
    return breaker.getState();
  }
}
