package io.contractflow.contract;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out human references {@code CF-<year>-<number>}, numbered from 1 each year by a PostgreSQL
 * sequence per year ({@code contractflow.next_contract_number}, migration V17). A sequence never
 * makes one create wait for another; a create that fails after taking its number leaves a gap.
 */
@Component
class ContractReferences {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ContractReferences(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next() {
    int year = LocalDate.now(clock).getYear();
    Integer number =
        jdbc.queryForObject("select contractflow.next_contract_number(?)", Integer.class, year);
    return String.format("CF-%d-%04d", year, number);
  }
}
