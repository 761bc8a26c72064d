package io.contractflow.platform.outage;

import java.sql.SQLTransientConnectionException;

/**
 * The {@link DatabaseGate}'s refusal: the database failed a moment ago, so no connection is tried
 * now. A {@link SQLTransientConnectionException} (SQLSTATE 08001), so Spring, Hibernate and the
 * engine treat it as any other failure to connect.
 */
public class DatabaseUnavailableException extends SQLTransientConnectionException {

  public DatabaseUnavailableException(long retryAfterSeconds) {
    super(
        "The database is unavailable; the next attempt to connect is in about "
            + retryAfterSeconds
            + " s",
        "08001");
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // thrown at every refused call during an outage: no stack trace to build or log
  }
}
