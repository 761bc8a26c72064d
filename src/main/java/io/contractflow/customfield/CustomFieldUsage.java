package io.contractflow.customfield;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which contracts hold a value of a custom field, read from the contracts' table. */
@Repository
class CustomFieldUsage {

  private final JdbcTemplate jdbc;

  CustomFieldUsage(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** How many contracts hold a value of the field. */
  long contracts(String key) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from contractflow.contract where custom_fields -> ? is not null",
            Long.class,
            key);
    return count == null ? 0 : count;
  }

  /** The types of the contracts that hold a value of the field. */
  Set<String> types(String key) {
    List<String> types =
        jdbc.queryForList(
            "select distinct type from contractflow.contract where custom_fields -> ? is not null",
            String.class,
            key);
    return new TreeSet<>(types);
  }

  /** The values of the field that contracts hold (for a choice: the choices in use). */
  Set<String> values(String key) {
    List<String> values =
        jdbc.queryForList(
            "select distinct custom_fields ->> ? from contractflow.contract"
                + " where custom_fields -> ? is not null",
            String.class,
            key,
            key);
    return new TreeSet<>(values);
  }
}
