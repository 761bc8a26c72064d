package io.contractflow.platform.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds and replaces one person's terms in every text column ({@code text}, {@code varchar}, {@code
 * jsonb}) of the tables of a schema, as whole words ignoring case, cut to the column's length. What
 * a feature knows about its own columns (rows to delete, a user id to pseudonymise) comes first;
 * this catches what is left: names and addresses in mail bodies, comments, outbox payloads,
 * extracted document text, and user ids in columns nobody listed. It reads each table once per
 * term, so an erasure costs a few scans of the database (acceptable for a rare request).
 */
public final class TextSweep {

  private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "jsonb");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final JdbcTemplate jdbc;

  public TextSweep(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A text column. */
  public record Column(String schema, String table, String name, String type, Integer maxLength) {

    String qualifiedTable() {
      return schema + "." + table;
    }
  }

  /** The text columns of the schema's tables that {@code tables} accepts. */
  public List<Column> columns(String schema, Predicate<String> tables) {
    List<Column> columns = new ArrayList<>();
    jdbc.query(
        """
        select c.table_name, c.column_name, c.data_type, c.character_maximum_length
        from information_schema.columns c
        join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = ? and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position
        """,
        rs -> {
          String table = rs.getString(1);
          String column = rs.getString(2);
          String type = rs.getString(3);
          if (tables.test(table.toLowerCase())
              && TEXT_TYPES.contains(type)
              && IDENTIFIER.matcher(table).matches()
              && IDENTIFIER.matcher(column).matches()) {
            int max = rs.getInt(4);
            columns.add(new Column(schema, table, column, type, rs.wasNull() ? null : max));
          }
        },
        schema);
    return columns;
  }

  /** Per table, how many values name the person. */
  public Map<String, Long> count(List<Column> columns, PersonalTerms person) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (person.isEmpty()) {
      return counts;
    }
    for (Column column : columns) {
      Long n =
          jdbc.queryForObject(
              "select count(*) from "
                  + column.qualifiedTable()
                  + " where "
                  + asText(column)
                  + " ~* ?",
              Long.class,
              person.sqlPattern());
      if (n != null && n > 0) {
        counts.merge(column.table(), n, Long::sum);
      }
    }
    return counts;
  }

  /**
   * Replaces the person's terms in every column, in the caller's transaction.
   *
   * @return per table, how many values were changed
   */
  public Map<String, Long> redact(List<Column> columns, PersonalTerms person) {
    Map<String, Long> changed = new LinkedHashMap<>();
    if (person.isEmpty()) {
      return changed;
    }
    for (Column column : columns) {
      for (String term : person.values()) {
        PersonalTerms one = PersonalTerms.of(null, null, List.of(term), List.of());
        String replacement = person.redact(term);
        String value =
            "regexp_replace("
                + asText(column)
                + ", ?, ?, 'gi')"
                + (isJson(column) ? "::jsonb" : "");
        if (column.maxLength() != null) {
          value = "left(" + value + ", " + column.maxLength() + ")";
        }
        int n =
            jdbc.update(
                "update "
                    + column.qualifiedTable()
                    + " set "
                    + column.name()
                    + " = "
                    + value
                    + " where "
                    + asText(column)
                    + " ~* ?",
                one.sqlPattern(),
                replacement,
                one.sqlPattern());
        if (n > 0) {
          changed.merge(column.table(), (long) n, Long::sum);
        }
      }
    }
    return changed;
  }

  private static boolean isJson(Column column) {
    return "jsonb".equals(column.type());
  }

  private static String asText(Column column) {
    return isJson(column) ? column.name() + "::text" : column.name();
  }
}
