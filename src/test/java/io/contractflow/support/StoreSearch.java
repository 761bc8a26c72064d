package io.contractflow.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A byte-wise search of every store in the database for terms that must be gone (issue 21: after an
 * erasure, after a retention deletion): every {@code text}, {@code varchar}, {@code char}, {@code
 * json(b)} and {@code bytea} column of every table of the platform's schema and the engine's
 * ({@code ACT_HI_*}, {@code ACT_GE_BYTEARRAY} included), text compared ignoring case, bytes as
 * UTF-8 in the given, lower and upper case.
 */
public final class StoreSearch {

  private final JdbcTemplate jdbc;

  public StoreSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Where a term is found, as "schema.table.column holds "term" n x"; empty when nowhere. */
  public List<String> leftovers(String... terms) {
    List<String> found = new ArrayList<>();
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            """
            select c.table_schema, c.table_name, c.column_name, c.data_type
            from information_schema.columns c
            join information_schema.tables t
              on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema in ('contractflow', 'public') and t.table_type = 'BASE TABLE'
              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
            """);
    for (Map<String, Object> column : columns) {
      String table = column.get("table_schema") + "." + column.get("table_name");
      String name = "\"" + column.get("column_name") + "\"";
      boolean bytes = "bytea".equals(column.get("data_type"));
      for (String term : terms) {
        Long n;
        if (bytes) {
          n =
              jdbc.queryForObject(
                  "select count(*) from "
                      + table
                      + " where position(? in "
                      + name
                      + ") > 0 or position(? in "
                      + name
                      + ") > 0 or position(? in "
                      + name
                      + ") > 0",
                  Long.class,
                  term.getBytes(StandardCharsets.UTF_8),
                  term.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                  term.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } else {
          n =
              jdbc.queryForObject(
                  "select count(*) from "
                      + table
                      + " where strpos(lower("
                      + name
                      + "::text), lower(?)) > 0",
                  Long.class,
                  term);
        }
        if (n != null && n > 0) {
          found.add(table + "." + column.get("column_name") + " holds \"" + term + "\" " + n + "x");
        }
      }
    }
    return found;
  }
}
