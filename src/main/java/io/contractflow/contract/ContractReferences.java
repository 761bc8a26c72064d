package io.contractflow.contract;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out human references {@code CF-<year>-<number>}, numbered from 1 each year without gaps
 * between committed contracts of one transaction; the counter row serialises concurrent creates for
 * the few milliseconds they need.
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
        jdbc.queryForObject(
            "insert into contractflow.reference_counter (year, last_value) values (?, 1) "
                + "on conflict (year) do update set last_value = reference_counter.last_value + 1 returning last_value",
            Integer.class,
            year);
    return String.format("CF-%d-%04d", year, number);
  }
}
