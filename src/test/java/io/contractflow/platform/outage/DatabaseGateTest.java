package io.contractflow.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseGateTest {

  private static final Connection CONNECTION =
      (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> null);

  /** What HikariCP throws when its timeout passes while the database refuses connections. */
  private static SQLException poolTimeoutWhileDown() {
    SQLException refused =
        new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException());
    return new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 1000ms",
        "08001",
        refused);
  }

  private static DatabaseGate gate(Duration openFor) {
    return new DatabaseGate(new OutageProperties(true, openFor, 10, 3, 50));
  }

  @Test
  void opensWhenTheDatabaseIsDownRefusesAtOnceThenLetsOneProbeThrough() throws Exception {
    DatabaseGate gate = gate(Duration.ofMillis(300));
    AtomicInteger attempts = new AtomicInteger();
    DatabaseGate.Connect down =
        () -> {
          attempts.incrementAndGet();
          throw poolTimeoutWhileDown();
        };
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> gate.connect(down))
          .isInstanceOf(SQLTransientConnectionException.class);
    }
    assertThat(gate.suspectsOutage()).isTrue();
    assertThat(gate.admit()).as("a request while open").isFalse();
    assertThatThrownBy(() -> gate.connect(down)).isInstanceOf(DatabaseUnavailableException.class);
    assertThat(attempts).as("no attempt reached the pool while open").hasValue(3);

    Thread.sleep(600);
    assertThat(gate.admit()).as("the probe").isTrue();
    Thread other =
        new Thread(() -> assertThat(gate.admit()).as("a second request while probing").isFalse());
    other.start();
    other.join();
    assertThat(gate.connect(() -> CONNECTION)).isSameAs(CONNECTION);
    gate.done();
    assertThat(gate.suspectsOutage()).isFalse();
    assertThat(gate.admit()).isTrue();
    gate.done();
  }

  @Test
  void sessionsEndedByTheDatabaseOpenItWithoutWaitingForThePool() {
    DatabaseGate gate = gate(Duration.ofSeconds(5));
    for (int i = 0; i < 3; i++) {
      gate.failed(
          new JDBCConnectionException(
              "terminating connection due to administrator command",
              new SQLException("FATAL: terminating connection", "57P01")));
    }
    assertThat(gate.admit()).isFalse();
  }

  @Test
  void aBusyPoolOrAnotherFailureDoesNotOpenIt() {
    DatabaseGate gate = gate(Duration.ofSeconds(5));
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(
              () ->
                  gate.connect(
                      () -> {
                        throw new SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available, request timed out");
                      }))
          .isInstanceOf(SQLTransientConnectionException.class);
      assertThatThrownBy(
              () ->
                  gate.connect(
                      () -> {
                        throw new SQLException("syntax error", "42601");
                      }))
          .isInstanceOf(SQLException.class);
    }
    assertThat(gate.suspectsOutage()).isFalse();
  }

  @Test
  void aRequestThatFailedToConnectIsRefusedAtOnceAfterwards() throws Exception {
    DatabaseGate gate = gate(Duration.ofSeconds(5));
    assertThat(gate.admit()).isTrue();
    AtomicInteger attempts = new AtomicInteger();
    DatabaseGate.Connect down =
        () -> {
          attempts.incrementAndGet();
          throw poolTimeoutWhileDown();
        };
    assertThatThrownBy(() -> gate.connect(down))
        .isInstanceOf(SQLTransientConnectionException.class);
    assertThat(gate.failedOnThisThread()).isTrue();
    assertThatThrownBy(() -> gate.connect(down)).isInstanceOf(DatabaseUnavailableException.class);
    assertThat(attempts).hasValue(1);
    gate.done();
    assertThat(gate.failedOnThisThread()).isFalse();
  }

  @Test
  void tellsConnectionFailuresFromOthers() {
    assertThat(
            ConnectionFailures.isConnectionFailure(
                new CannotCreateTransactionException("no", poolTimeoutWhileDown())))
        .isTrue();
    assertThat(ConnectionFailures.isDatabaseDown(new RuntimeException(poolTimeoutWhileDown())))
        .isTrue();
    assertThat(
            ConnectionFailures.isConnectionFailure(
                new JDBCConnectionException("broken", new SQLException("gone", "57P01"))))
        .isTrue();
    assertThat(
            ConnectionFailures.isConnectionFailure(
                new RuntimeException(new SQLException("Connection is closed"))))
        .isTrue();
    assertThat(ConnectionFailures.isDatabaseDown(new DatabaseUnavailableException(2))).isFalse();
    assertThat(ConnectionFailures.isConnectionFailure(new DatabaseUnavailableException(2)))
        .isTrue();
    assertThat(
            ConnectionFailures.isConnectionFailure(
                new DataIntegrityViolationException("dup", new SQLException("dup", "23505"))))
        .isFalse();
    assertThat(ConnectionFailures.isConnectionFailure(new IllegalStateException("no"))).isFalse();
  }
}
