package io.contractflow.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time on a shared database. Several nodes started together on one PostgreSQL
 * would otherwise race through what a start does once per database: creating the engine's tables in
 * an empty database (which the engine does not lock), Flyway, deploying the process application,
 * the demo users, the first admin, the shipped Tasklist filters and authorizations, the clause
 * library. A session-level PostgreSQL advisory lock is taken as soon as the data source exists,
 * before anything else uses it, and released when the application is ready (or its start fails: the
 * connection closes with the context). A node that finds it taken waits, and logs that it does.
 */
@Component
class StartupLock
    implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  /** An arbitrary constant naming this lock ("CFSTARTU"). */
  static final long KEY = 0x4346535441525455L;

  private Connection held;
  private boolean done;

  @Override
  public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && held == null && !done) {
      take(dataSource);
    }
    return bean;
  }

  private void take(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      if (!tryLock(connection)) {
        log.info(
            "Another node is starting on this database; waiting for it to finish (advisory lock {})",
            KEY);
        long started = System.nanoTime();
        try (PreparedStatement wait = connection.prepareStatement("select pg_advisory_lock(?)")) {
          wait.setLong(1, KEY);
          wait.execute();
        }
        log.info(
            "The start-up lock is free; this node goes on after {} ms",
            (System.nanoTime() - started) / 1_000_000);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement attempt =
        connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      attempt.setLong(1, KEY);
      try (ResultSet rs = attempt.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    done = true;
    if (held == null) {
      return;
    }
    try (Connection connection = held;
        PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    } catch (SQLException e) {
      log.warn("Could not release the start-up lock; it goes with the connection", e);
    } finally {
      held = null;
    }
  }
}
