package io.contractflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.contractflow.platform.privacy.PersonalTerms;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person in the audit trail: the entries that name them (as actor, in the summary or in the
 * details), for an export, and their erasure without breaking any chain (see {@link
 * AuditRedaction}).
 */
@Component
public class PersonalDataInAudit {

  private final JdbcTemplate jdbc;
  private final AuditRedaction redaction;
  private final AuditHistory history;

  PersonalDataInAudit(JdbcTemplate jdbc, AuditRedaction redaction, AuditHistory history) {
    this.history = history;
    this.jdbc = jdbc;
    this.redaction = redaction;
  }

  /** Every entry naming the person, with its contract's reference, oldest first per contract. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> entriesNaming(PersonalTerms person) {
    if (person.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        """
        select c.reference, e.contract_id, e.seq, e.occurred_at, e.actor, e.kind, e.summary,
               e.details::text as details
        from contractflow.audit_entry e join contractflow.contract c on c.id = e.contract_id
        where e.actor ~* ? or e.summary ~* ? or e.details::text ~* ?
        order by c.reference, e.seq
        """,
        (rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("contractReference", rs.getString("reference"));
          row.put("contractId", rs.getObject("contract_id", UUID.class));
          row.put("seq", rs.getInt("seq"));
          row.put("occurredAt", rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
          row.put("actor", rs.getString("actor"));
          row.put("kind", rs.getString("kind"));
          row.put("summary", rs.getString("summary"));
          row.put("details", CanonicalJson.parse(rs.getString("details")));
          return row;
        },
        person.sqlPattern(),
        person.sqlPattern(),
        person.sqlPattern());
  }

  /**
   * Replaces the person in every entry that names them and vouches for each redacted entry in a
   * {@link AuditKinds#PERSONAL_DATA_ERASED} entry appended to its chain, in the caller's
   * transaction.
   *
   * @return per contract, how many entries were redacted
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<UUID, Integer> erase(PersonalTerms person, String by, UUID erasureId) {
    if (person.isEmpty()) {
      return Map.of();
    }
    List<UUID> contracts =
        jdbc.queryForList(
            """
            select distinct contract_id from contractflow.audit_entry
            where actor ~* ? or summary ~* ? or details::text ~* ? order by contract_id
            """,
            UUID.class,
            person.sqlPattern(),
            person.sqlPattern(),
            person.sqlPattern());
    Map<UUID, Integer> redacted = new LinkedHashMap<>();
    for (UUID contractId : contracts) {
      redacted.put(
          contractId, redaction.redact(contractId, person, by, erasureId, this::redactDetails));
    }
    return redacted;
  }

  /** The contract's chain recomputed from its first entry (erased entries included). */
  @Transactional(readOnly = true)
  public ChainVerification verify(UUID contractId) {
    return history.verify(contractId);
  }

  private String redactDetails(String details, PersonalTerms person) {
    JsonNode tree = CanonicalJson.parse(details);
    return CanonicalJson.of(redactNode(tree, person));
  }

  private JsonNode redactNode(JsonNode node, PersonalTerms person) {
    if (node.isTextual()) {
      return TextNode.valueOf(person.redact(node.textValue()));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(redactNode(item, person)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
      fields.forEachRemaining(all::add);
      for (Map.Entry<String, JsonNode> field : all) {
        out.set(person.redact(field.getKey()), redactNode(field.getValue(), person));
      }
      return out;
    }
    return node;
  }
}
