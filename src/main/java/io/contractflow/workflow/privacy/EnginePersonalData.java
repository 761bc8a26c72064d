package io.contractflow.workflow.privacy;

import io.contractflow.platform.privacy.PersonalTerms;
import io.contractflow.platform.privacy.TextSweep;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person in the engine: the identity (Camunda's users in the embedded default), the tasks they
 * were assigned or completed, what they did in Cockpit and Tasklist (the operation log), and
 * process variables naming them (the contract's owner, who cancelled it, review comments), in the
 * runtime and in the history ({@code ACT_HI_*}, with the history's variable updates and large
 * values in {@code ACT_GE_BYTEARRAY}).
 *
 * <p>The engine's API reads all of it, and deletes users, but rewrites no history: an assignee in
 * {@code ACT_HI_TASKINST} or an old value in {@code ACT_HI_DETAIL} cannot be changed through it.
 * The erasure therefore deletes the user through the {@link IdentityService} and rewrites the
 * engine's own tables in the caller's transaction, the same way as the platform's tables: the user
 * id becomes the pseudonym, names and addresses become {@value PersonalTerms#ERASED}, in every text
 * column of the {@code ACT_} tables and in text-valued byte arrays (never in deployments).
 */
@Component
public class EnginePersonalData {

  private static final int MAX_ROWS = 10_000;

  private final IdentityService identity;
  private final HistoryService history;
  private final JdbcTemplate jdbc;

  EnginePersonalData(IdentityService identity, HistoryService history, JdbcTemplate jdbc) {
    this.identity = identity;
    this.history = history;
    this.jdbc = jdbc;
  }

  /** A user of the identity store. */
  public record EngineUser(
      String id, String firstName, String lastName, String email, List<String> groups) {

    public String name() {
      return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName))
          .strip();
    }
  }

  public Optional<EngineUser> user(String userId) {
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
        .map(this::user);
  }

  public Optional<EngineUser> userByEmail(String email) {
    return identity.createUserQuery().userEmail(email).list().stream()
        .findFirst()
        .or(
            () ->
                identity.createUserQuery().userEmailLike(email).list().stream()
                    .filter(u -> email.equalsIgnoreCase(u.getEmail()))
                    .findFirst())
        .map(this::user);
  }

  private EngineUser user(User user) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user.getId()).list().stream()
            .map(Group::getId)
            .sorted()
            .toList();
    return new EngineUser(
        user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), groups);
  }

  /** What the engine holds about the person, as JSON-able values. */
  @Transactional(readOnly = true)
  public Map<String, Object> export(String userId, PersonalTerms person) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> tasks = new ArrayList<>();
    List<Map<String, Object>> operations = new ArrayList<>();
    if (userId != null) {
      for (HistoricTaskInstance task :
          history.createHistoricTaskInstanceQuery().taskAssignee(userId).listPage(0, MAX_ROWS)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("taskId", task.getId());
        row.put("name", task.getName());
        row.put("taskDefinitionKey", task.getTaskDefinitionKey());
        row.put("processDefinitionKey", task.getProcessDefinitionKey());
        row.put("processInstanceId", task.getProcessInstanceId());
        row.put("assignee", task.getAssignee());
        row.put("startTime", task.getStartTime());
        row.put("endTime", task.getEndTime());
        row.put("deleteReason", task.getDeleteReason());
        tasks.add(row);
      }
      for (UserOperationLogEntry entry :
          history.createUserOperationLogQuery().userId(userId).listPage(0, MAX_ROWS)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", entry.getTimestamp());
        row.put("operationType", entry.getOperationType());
        row.put("entityType", entry.getEntityType());
        row.put("property", entry.getProperty());
        row.put("orgValue", entry.getOrgValue());
        row.put("newValue", entry.getNewValue());
        row.put("processInstanceId", entry.getProcessInstanceId());
        row.put("taskId", entry.getTaskId());
        operations.add(row);
      }
    }
    out.put("tasksAssigned", tasks);
    out.put("operations", operations);
    List<Map<String, Object>> variables = new ArrayList<>();
    if (!person.isEmpty()) {
      jdbc.query(
          """
          select v.id_, v.name_, v.proc_inst_id_, v.text_, v.state_, v.create_time_, p.business_key_
          from act_hi_varinst v left join act_hi_procinst p on p.id_ = v.proc_inst_id_
          where v.text_ ~* ? order by v.create_time_, v.id_ limit ?
          """,
          rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variable", rs.getString("name_"));
            row.put("value", rs.getString("text_"));
            row.put("processInstanceId", rs.getString("proc_inst_id_"));
            row.put("contractId", rs.getString("business_key_"));
            row.put("state", rs.getString("state_"));
            row.put("createdAt", rs.getTimestamp("create_time_").toInstant());
            variables.add(row);
          },
          person.sqlPattern(),
          MAX_ROWS);
    }
    out.put("processVariables", variables);
    List<Map<String, Object>> started = new ArrayList<>();
    if (userId != null) {
      history
          .createHistoricProcessInstanceQuery()
          .startedBy(userId)
          .listPage(0, MAX_ROWS)
          .forEach(
              p -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("processInstanceId", p.getId());
                row.put("processDefinitionKey", p.getProcessDefinitionKey());
                row.put("contractId", p.getBusinessKey());
                row.put("startTime", p.getStartTime());
                row.put("endTime", p.getEndTime());
                started.add(row);
              });
    }
    out.put("processesStarted", started);
    return out;
  }

  /** The result of erasing the person from the engine. */
  public record Erased(boolean userDeleted, String userKeptWhy, Map<String, Long> rewritten) {}

  /**
   * Deletes the user from the identity store (if it is the engine's own) and rewrites the engine's
   * tables, in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Erased erase(String userId, PersonalTerms person) {
    boolean deleted = false;
    String keptWhy = null;
    if (userId != null && identity.createUserQuery().userId(userId).count() > 0) {
      if (identity.isReadOnly()) {
        keptWhy =
            "the identity provider (Keycloak) holds the account; delete it there, the platform"
                + " cannot";
      } else {
        identity.deleteUser(userId);
        deleted = true;
      }
    }
    TextSweep sweep = new TextSweep(jdbc);
    Map<String, Long> rewritten =
        new LinkedHashMap<>(
            sweep.redact(
                sweep.columns(
                    "public",
                    table ->
                        table.startsWith("act_")
                            && !table.startsWith("act_re_")
                            && !table.equals("act_ge_property")
                            && !table.equals("act_ge_schema_log")),
                person));
    long arrays = rewriteByteArrays(person);
    if (arrays > 0) {
      rewritten.put("act_ge_bytearray", arrays);
    }
    return new Erased(deleted, keptWhy, rewritten);
  }

  /**
   * Byte arrays (large variable values, serialized values, job exceptions) that hold the person's
   * terms as UTF-8 text: rewritten when they are text; deployment resources are never touched.
   */
  private long rewriteByteArrays(PersonalTerms person) {
    long n = 0;
    for (String term : person.values()) {
      Map<String, byte[]> rows = new LinkedHashMap<>();
      for (String variant :
          List.of(term, term.toLowerCase(Locale.ROOT), term.toUpperCase(Locale.ROOT))) {
        jdbc.query(
            "select id_, bytes_ from act_ge_bytearray where deployment_id_ is null"
                + " and bytes_ is not null and position(? in bytes_) > 0",
            rs -> {
              rows.put(rs.getString(1), rs.getBytes(2));
            },
            (Object) variant.getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> row : rows.entrySet()) {
        byte[] bytes = row.getValue();
        Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
          continue;
        }
        String redacted = person.redact(text.get());
        if (!redacted.equals(text.get())) {
          jdbc.update(
              "update act_ge_bytearray set bytes_ = ? where id_ = ?",
              redacted.getBytes(StandardCharsets.UTF_8),
              row.getKey());
          n++;
        }
      }
    }
    return n;
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
