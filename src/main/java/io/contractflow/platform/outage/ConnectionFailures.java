package io.contractflow.platform.outage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database from every other failure, by the exception's cause chain
 * (Spring, Hibernate, Camunda and MyBatis wrap what the driver or the pool threw).
 */
public final class ConnectionFailures {

  /**
   * SQLSTATEs of a database that is gone: class 08 (connection exception) and the server shutting
   * down or starting up (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
   */
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

  private static final int MAX_DEPTH = 20;

  private ConnectionFailures() {}

  /**
   * The request or job failed because no connection to the database could be had or kept: the
   * database is down, or the pool had no connection to give within its timeout. Answered 503 with
   * {@code Retry-After}; a job failing so keeps its retries.
   */
  public static boolean isConnectionFailure(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = next(t), depth++) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof CannotGetJdbcConnectionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof JDBCConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || databaseGone(t)
          || closedByThePool(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * HikariCP's answer on a connection it closed after the database broke it (its message, without
   * SQLSTATE): what a rollback after the failure meets, and Spring reports instead of the failure.
   */
  private static boolean closedByThePool(Throwable t) {
    return t instanceof SQLException sql
        && sql.getSQLState() == null
        && "Connection is closed".equals(sql.getMessage());
  }

  /**
   * The database itself is unreachable (refused, reset or shutting down), as opposed to a pool that
   * was merely busy: what opens the {@link DatabaseGate}. A pool timeout counts when the pool's
   * last attempt to connect failed so (HikariCP gives that failure as the cause).
   */
  public static boolean isDatabaseDown(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = next(t), depth++) {
      if (databaseGone(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean databaseGone(Throwable t) {
    if (t instanceof DatabaseUnavailableException) {
      return false; // the gate's own refusal is no news about the database
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || SERVER_GONE.contains(state);
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    if (cause == null && t instanceof SQLException sql) {
      cause = sql.getNextException();
    }
    return cause == t ? null : cause;
  }
}
