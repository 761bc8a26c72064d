package io.contractflow.search;

import io.contractflow.contract.ReaderPrincipals;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads contracts from the database, the source of truth, in the shape the index holds: one query
 * per batch for the facts, tags, current document and readers.
 */
@Component
class IndexedContracts {

  private static final String SELECT =
      """
      select c.id, c.reference, c.title, c.description, c.type, c.status, c.counterparty_id, cp.name as counterparty_name,
             c.owner, c.value_amount, c.value_currency, c.start_date, c.end_date, c.auto_renew, c.created_at,
             c.updated_at, c.custom_fields::text as custom_fields,
             (select array_agg(t.tag order by t.tag) from contractflow.contract_tag t where t.contract_id = c.id) as tags,
             (select array_agg(s.principal_type || ':' || s.principal_id order by s.principal_type, s.principal_id)
                from contractflow.contract_share s where s.contract_id = c.id) as shares,
             d.version_number, d.file_name, d.extracted_text
        from contractflow.contract c
        join contractflow.counterparty cp on cp.id = c.counterparty_id
        left join contractflow.document_version d on d.contract_id = c.id and d.is_current
      """;

  private final NamedParameterJdbcTemplate jdbc;

  IndexedContracts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The contracts with these ids that exist; an id without a row was deleted. */
  Map<UUID, IndexedContract> load(Collection<UUID> ids) {
    Map<UUID, IndexedContract> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.query(
        SELECT + " where c.id in (:ids)",
        new MapSqlParameterSource("ids", ids),
        rs -> {
          IndexedContract contract = map(rs);
          found.put(UUID.fromString(contract.id()), contract);
        });
    return found;
  }

  /** The next {@code limit} contracts after {@code after} in id order (null: from the start). */
  List<IndexedContract> page(UUID after, int limit) {
    List<IndexedContract> page = new ArrayList<>();
    MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
    String where = "";
    if (after != null) {
      where = " where c.id > :after";
      params.addValue("after", after);
    }
    jdbc.query(
        SELECT + where + " order by c.id limit :limit",
        params,
        rs -> {
          page.add(map(rs));
        });
    return page;
  }

  long count() {
    Long count =
        jdbc.getJdbcTemplate()
            .queryForObject("select count(*) from contractflow.contract", Long.class);
    return count == null ? 0 : count;
  }

  private static IndexedContract map(ResultSet rs) throws SQLException {
    String owner = rs.getString("owner");
    Set<String> shares = new LinkedHashSet<>();
    for (String share : strings(rs.getArray("shares"))) {
      int colon = share.indexOf(':');
      shares.add(ReaderPrincipals.ofShare(share.substring(0, colon), share.substring(colon + 1)));
    }
    Integer documentVersion =
        rs.getObject("version_number") == null ? null : rs.getInt("version_number");
    return new IndexedContract(
        rs.getObject("id", UUID.class).toString(),
        rs.getString("reference"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("type"),
        rs.getString("status"),
        rs.getObject("counterparty_id", UUID.class).toString(),
        rs.getString("counterparty_name"),
        owner,
        strings(rs.getArray("tags")),
        IndexedCustomFields.terms(rs.getString("custom_fields")),
        rs.getBigDecimal("value_amount").stripTrailingZeros(),
        rs.getString("value_currency"),
        rs.getObject("start_date", java.time.LocalDate.class),
        rs.getObject("end_date", java.time.LocalDate.class),
        rs.getBoolean("auto_renew"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")),
        documentVersion,
        rs.getString("file_name"),
        rs.getString("extracted_text"),
        List.copyOf(ReaderPrincipals.ofContract(owner, shares)));
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return List.of((String[]) array.getArray());
  }

  private static java.time.Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
