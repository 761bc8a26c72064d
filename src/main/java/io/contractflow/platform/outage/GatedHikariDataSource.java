package io.contractflow.platform.outage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's HikariCP pool behind the {@link DatabaseGate}: still a {@link HikariDataSource}
 * (its settings, metrics and everything that looks for one), but every connection is asked of the
 * gate first.
 */
class GatedHikariDataSource extends HikariDataSource {

  private final DatabaseGate gate;

  /** A pool with {@code configured}'s settings (not yet started), behind {@code gate}. */
  GatedHikariDataSource(HikariDataSource configured, DatabaseGate gate) {
    configured.copyStateTo(this);
    this.gate = gate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return gate.connect(super::getConnection);
  }
}
