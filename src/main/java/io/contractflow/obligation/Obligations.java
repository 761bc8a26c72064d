package io.contractflow.obligation;

import io.contractflow.contract.ContractEdited;
import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractScope;
import io.contractflow.contract.ContractStatus;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's obligations and their instalments. Whoever may read the contract reads them; its
 * owner and the admins add them; only admins waive an instalment. The outcomes are recorded by the
 * instalments' processes (through the {@code settle} and {@code overdue} steps), never by a client
 * directly.
 */
@Service
public class Obligations {

  private static final String OBLIGATION_COLUMNS =
      "o.id, o.contract_id, o.kind, o.title, o.owner_type, o.owner_id, o.escalation_group,"
          + " o.owed_by, o.schedule, o.amount, o.currency, o.created_by, o.created_at";
  private static final String INSTALMENT_COLUMNS =
      "i.id, i.obligation_id, i.contract_id, i.seq, i.due_on, i.status, i.overdue,"
          + " i.process_instance_id, i.outcome_at, i.outcome_by, i.evidence_version, i.note";

  private final JdbcClient jdbc;
  private final ContractGuard contracts;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ObjectProvider<InstalmentProcesses> processes;

  Obligations(
      JdbcClient jdbc,
      ContractGuard contracts,
      ApplicationEventPublisher events,
      Clock clock,
      ObjectProvider<InstalmentProcesses> processes) {
    this.jdbc = jdbc;
    this.contracts = contracts;
    this.events = events;
    this.clock = clock;
    this.processes = processes;
  }

  /** The contract's obligations with their instalments, if the caller may read the contract. */
  @Transactional(readOnly = true)
  public List<Obligation> of(CurrentUser user, UUID contractId) {
    contracts.readable(user, contractId);
    return ofContract(contractId);
  }

  /** Adds an obligation to a contract its owner (or an admin) manages, while it is live. */
  @Transactional
  public Obligation add(CurrentUser user, UUID contractId, ObligationRequest request) {
    ContractResponse contract = contracts.managed(user, contractId);
    return insert(contractId, contract.status(), contract.endDate(), request, user.username());
  }

  /**
   * Adds an obligation from a process step (an element template's "Create obligation"): no caller
   * to check, the contract of the process; live contracts only, as for a person. Recorded as added
   * by {@code by}.
   *
   * @throws io.contractflow.platform.error.InvalidInputException when the request is incomplete
   * @throws ConflictException when the contract has ended
   */
  @Transactional
  public Obligation addByProcess(UUID contractId, ObligationRequest request, String by) {
    Map<String, Object> contract =
        jdbc
            .sql("select status, end_date from contractflow.contract where id = ?")
            .param(contractId)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No contract " + contractId));
    Date end = (Date) contract.get("end_date");
    return insert(
        contractId,
        ContractStatus.valueOf((String) contract.get("status")),
        end == null ? null : end.toLocalDate(),
        request,
        by);
  }

  private Obligation insert(
      UUID contractId,
      ContractStatus status,
      LocalDate endDate,
      ObligationRequest request,
      String by) {
    if (status.isEnded()) {
      throw new ConflictException("A " + status + " contract takes no new obligations");
    }
    List<LocalDate> dates = InstalmentSchedule.of(request, endDate);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String escalation =
        request.escalationGroup() == null || request.escalationGroup().isBlank()
            ? Role.CONTRACT_ADMIN.groupId()
            : request.escalationGroup().strip();
    jdbc.sql(
            "insert into contractflow.obligation (id, contract_id, kind, title, owner_type,"
                + " owner_id, escalation_group, owed_by, schedule, amount, currency, created_by,"
                + " created_at, follows_term) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            contractId,
            request.kind().name(),
            request.title().strip(),
            request.owner().type().name(),
            request.owner().id(),
            escalation,
            request.owedBy().name(),
            request.schedule().name(),
            request.amount() == null ? null : request.amount().amount(),
            request.amount() == null ? null : request.amount().currency(),
            by,
            Timestamp.from(now),
            request.schedule().months() > 0 && request.until() == null && endDate != null)
        .update();
    for (int i = 0; i < dates.size(); i++) {
      jdbc.sql(
              "insert into contractflow.obligation_instalment (id, obligation_id, contract_id,"
                  + " seq, due_on, status) values (?, ?, ?, ?, ?, 'OPEN')")
          .params(UUID.randomUUID(), id, contractId, i + 1, Date.valueOf(dates.get(i)))
          .update();
    }
    events.publishEvent(
        new ObligationAdded(
            contractId,
            id,
            request.kind(),
            request.title().strip(),
            request.schedule(),
            request.owedBy(),
            request.owner().type().name().toLowerCase() + " " + request.owner().id(),
            dates,
            by,
            status == ContractStatus.ACTIVE));
    return obligation(id).orElseThrow();
  }

  /**
   * A renewal moved the contract's end: each recurring obligation that follows the term (added
   * without a last date) gets its instalments on to the new end date, in the renewal's transaction;
   * returns how many instalments were added. Retried renewals add nothing twice (the dates go on
   * from the last instalment).
   */
  @EventListener
  public int onContractEdited(ContractEdited edited) {
    LocalDate end =
        jdbc.sql("select end_date from contractflow.contract where id = ?")
            .param(edited.contractId())
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (end == null) {
      return 0;
    }
    int added = 0;
    for (Map<String, Object> row :
        jdbc.sql(
                "select o.id, o.title, o.schedule, max(i.seq) as last_seq, max(i.due_on) as last_due"
                    + " from contractflow.obligation o join contractflow.obligation_instalment i"
                    + " on i.obligation_id = o.id where o.contract_id = ? and o.follows_term"
                    + " group by o.id, o.title, o.schedule")
            .param(edited.contractId())
            .query()
            .listOfRows()) {
      UUID obligationId = (UUID) row.get("id");
      int months = Schedule.valueOf((String) row.get("schedule")).months();
      int seq = ((Number) row.get("last_seq")).intValue();
      LocalDate next = ((Date) row.get("last_due")).toLocalDate().plusMonths(months);
      List<LocalDate> dates = new ArrayList<>();
      while (!next.isAfter(end) && seq + dates.size() < InstalmentSchedule.MAX) {
        dates.add(next);
        next = next.plusMonths(months);
      }
      for (LocalDate due : dates) {
        seq++;
        jdbc.sql(
                "insert into contractflow.obligation_instalment (id, obligation_id, contract_id,"
                    + " seq, due_on, status) values (?, ?, ?, ?, ?, 'OPEN')")
            .params(UUID.randomUUID(), obligationId, edited.contractId(), seq, Date.valueOf(due))
            .update();
      }
      if (!dates.isEmpty()) {
        added += dates.size();
        events.publishEvent(
            new ObligationExtended(
                edited.contractId(), obligationId, (String) row.get("title"), dates));
      }
    }
    return added;
  }

  /**
   * The open instalments the caller works (owned by them or one of their groups, or on contracts
   * they own) due on or before {@code due}, among the contracts they may read; earliest first.
   */
  @Transactional(readOnly = true)
  public List<DueInstalment> mine(CurrentUser user, LocalDate due) {
    ContractScope scope = ContractScope.of(user);
    Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
    params.put("due", Date.valueOf(due));
    params.put("me", user.username());
    params.put("myGroups", user.groups().isEmpty() ? List.of("\u0000none") : user.groups());
    return jdbc.sql(
            "select "
                + INSTALMENT_COLUMNS
                + ", o.title, o.kind, o.owner_type, o.owner_id, o.amount, o.currency, c.reference"
                + " from contractflow.obligation_instalment i"
                + " join contractflow.obligation o on o.id = i.obligation_id"
                + " join contractflow.contract c on c.id = i.contract_id"
                + " where i.status = 'OPEN' and i.due_on <= :due and "
                + scope.onContract("c")
                + " and ((o.owner_type = 'USER' and o.owner_id = :me)"
                + " or (o.owner_type = 'GROUP' and o.owner_id in (:myGroups))"
                + " or c.owner = :me)"
                + " order by i.due_on, c.reference, i.seq limit 500")
        .params(params)
        .query(
            (rs, n) ->
                new DueInstalment(
                    instalment(rs),
                    rs.getString("reference"),
                    rs.getString("title"),
                    ObligationKind.valueOf(rs.getString("kind")),
                    OwnerType.valueOf(rs.getString("owner_type")),
                    rs.getString("owner_id"),
                    rs.getBigDecimal("amount"),
                    rs.getString("currency")))
        .list();
  }

  /**
   * An admin waives an open instalment with a reason: through its process when it runs, else at
   * once. Others who may read the contract are refused (403); the rest do not see it (404).
   */
  @Transactional
  public Instalment waive(CurrentUser user, UUID obligationId, int seq, WaiveRequest request) {
    Obligation obligation = obligation(obligationId).orElseThrow(() -> notFound(obligationId));
    contracts.readable(user, obligation.contractId());
    if (!user.isAdmin()) {
      throw new NotPermittedException("Only contract admins waive an obligation");
    }
    Instalment instalment =
        obligation.instalments().stream()
            .filter(i -> i.seq() == seq)
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Obligation " + obligationId + " has no instalment " + seq));
    if (!instalment.status().isOpen()) {
      throw new ConflictException("This instalment is " + instalment.status() + " already");
    }
    String reason = request.reason().strip();
    boolean viaProcess =
        instalment.started()
            && Optional.ofNullable(processes.getIfAvailable())
                .map(p -> p.waive(instalment, user.username(), reason))
                .orElse(false);
    if (!viaProcess) {
      settle(instalment.id(), InstalmentStatus.WAIVED, user.username(), null, reason);
    }
    return instalment(instalment.id()).orElseThrow();
  }

  // ---- the instalments' processes (engine side, no caller to check) ----

  /** The instalments of a contract whose processes have not started, in due order. */
  @Transactional(readOnly = true)
  public List<Instalment> unstarted(UUID contractId) {
    return jdbc.sql(
            "select "
                + INSTALMENT_COLUMNS
                + " from contractflow.obligation_instalment i where i.contract_id = ?"
                + " and i.status = 'OPEN' and i.process_instance_id is null order by i.due_on, i.seq")
        .param(contractId)
        .query((rs, n) -> instalment(rs))
        .list();
  }

  /** The instalments of one obligation whose processes have not started. */
  @Transactional(readOnly = true)
  public List<Instalment> unstartedOf(UUID obligationId) {
    return jdbc.sql(
            "select "
                + INSTALMENT_COLUMNS
                + " from contractflow.obligation_instalment i where i.obligation_id = ?"
                + " and i.status = 'OPEN' and i.process_instance_id is null order by i.seq")
        .param(obligationId)
        .query((rs, n) -> instalment(rs))
        .list();
  }

  /** Notes which process runs the instalment; false if another was noted first. */
  @Transactional
  public boolean started(UUID instalmentId, String processInstanceId) {
    return jdbc.sql(
                "update contractflow.obligation_instalment set process_instance_id = ?"
                    + " where id = ? and process_instance_id is null")
            .params(processInstanceId, instalmentId)
            .update()
        == 1;
  }

  /** The instalment and its obligation, for the instalment's process. */
  @Transactional(readOnly = true)
  public Optional<Due> due(UUID instalmentId) {
    return instalment(instalmentId)
        .flatMap(i -> obligation(i.obligationId()).map(o -> new Due(o, i)));
  }

  /**
   * Records the outcome of an open instalment; an instalment settled already keeps its outcome (a
   * retried or late step changes nothing). Returns the instalment's status afterwards.
   */
  @Transactional
  public InstalmentStatus settle(
      UUID instalmentId, InstalmentStatus status, String by, Integer evidenceVersion, String note) {
    if (status == InstalmentStatus.OPEN) {
      throw new IllegalArgumentException("An outcome is not OPEN");
    }
    Instalment instalment =
        instalment(instalmentId)
            .orElseThrow(() -> new IllegalStateException("No instalment " + instalmentId));
    if (!instalment.status().isOpen()) {
      return instalment.status();
    }
    String kept = note == null || note.isBlank() ? null : note.strip();
    jdbc.sql(
            "update contractflow.obligation_instalment set status = ?, outcome_at = ?,"
                + " outcome_by = ?, evidence_version = ?, note = ? where id = ? and status = 'OPEN'")
        .params(
            status.name(),
            Timestamp.from(clock.instant()),
            by,
            evidenceVersion,
            kept == null ? null : kept.substring(0, Math.min(kept.length(), 4000)),
            instalmentId)
        .update();
    Obligation obligation = obligation(instalment.obligationId()).orElseThrow();
    events.publishEvent(
        new InstalmentSettled(
            instalment.contractId(),
            obligation.id(),
            instalmentId,
            obligation.title(),
            instalment.seq(),
            instalment.dueOn(),
            status,
            by,
            evidenceVersion,
            kept));
    return status;
  }

  /** Marks an instalment overdue (its process escalated it). */
  @Transactional
  public void overdue(UUID instalmentId) {
    jdbc.sql("update contractflow.obligation_instalment set overdue = true where id = ?")
        .param(instalmentId)
        .update();
  }

  /** Cancels the open instalments of an ended contract that never started a process. */
  @Transactional
  public void cancelUnstarted(UUID contractId, String reason) {
    for (Instalment instalment : unstarted(contractId)) {
      settle(instalment.id(), InstalmentStatus.CANCELLED, "system", null, reason);
    }
  }

  /** How the contract's instalments due in {@code [from, to]} went. */
  @Transactional(readOnly = true)
  public ObligationRecord record(UUID contractId, LocalDate from, LocalDate to) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.sql(
            "select status, count(*) as n from contractflow.obligation_instalment"
                + " where contract_id = ? and due_on between ? and ? group by status")
        .params(contractId, Date.valueOf(from), Date.valueOf(to))
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getString("status"), rs.getInt("n"));
            });
    return new ObligationRecord(
        counts.getOrDefault("MET_ON_TIME", 0),
        counts.getOrDefault("MET_LATE", 0),
        counts.getOrDefault("MISSED", 0),
        counts.getOrDefault("WAIVED", 0),
        counts.getOrDefault("OPEN", 0));
  }

  /** An instalment with the obligation it belongs to. */
  public record Due(Obligation obligation, Instalment instalment) {}

  /** An open instalment in someone's list, with what it is about. */
  public record DueInstalment(
      Instalment instalment,
      String contractReference,
      String title,
      ObligationKind kind,
      OwnerType ownerType,
      String ownerId,
      java.math.BigDecimal amount,
      String currency) {}

  // ---- reading ----

  private List<Obligation> ofContract(UUID contractId) {
    List<Obligation> found =
        jdbc.sql(
                "select "
                    + OBLIGATION_COLUMNS
                    + " from contractflow.obligation o where o.contract_id = ?"
                    + " order by o.created_at, o.id")
            .param(contractId)
            .query((rs, n) -> obligationRow(rs))
            .list();
    Map<UUID, List<Instalment>> instalments = new LinkedHashMap<>();
    jdbc.sql(
            "select "
                + INSTALMENT_COLUMNS
                + " from contractflow.obligation_instalment i where i.contract_id = ?"
                + " order by i.seq")
        .param(contractId)
        .query((rs, n) -> instalment(rs))
        .list()
        .forEach(
            i ->
                instalments
                    .computeIfAbsent(i.obligationId(), k -> new java.util.ArrayList<>())
                    .add(i));
    return found.stream()
        .map(o -> o.withInstalments(instalments.getOrDefault(o.id(), List.of())))
        .toList();
  }

  private Optional<Obligation> obligation(UUID id) {
    return jdbc.sql(
            "select " + OBLIGATION_COLUMNS + " from contractflow.obligation o where o.id = ?")
        .param(id)
        .query((rs, n) -> obligationRow(rs))
        .optional()
        .map(
            o ->
                o.withInstalments(
                    jdbc.sql(
                            "select "
                                + INSTALMENT_COLUMNS
                                + " from contractflow.obligation_instalment i"
                                + " where i.obligation_id = ? order by i.seq")
                        .param(id)
                        .query((rs, n) -> instalment(rs))
                        .list()));
  }

  private Optional<Instalment> instalment(UUID id) {
    return jdbc.sql(
            "select "
                + INSTALMENT_COLUMNS
                + " from contractflow.obligation_instalment i where i.id = ?")
        .param(id)
        .query((rs, n) -> instalment(rs))
        .optional();
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("No obligation " + id);
  }

  private static Obligation obligationRow(ResultSet rs) throws SQLException {
    return new Obligation(
        rs.getObject("id", UUID.class),
        rs.getObject("contract_id", UUID.class),
        ObligationKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        OwnerType.valueOf(rs.getString("owner_type")),
        rs.getString("owner_id"),
        rs.getString("escalation_group"),
        OwedBy.valueOf(rs.getString("owed_by")),
        Schedule.valueOf(rs.getString("schedule")),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        List.of());
  }

  private static Instalment instalment(ResultSet rs) throws SQLException {
    Timestamp at = rs.getTimestamp("outcome_at");
    int evidence = rs.getInt("evidence_version");
    Integer evidenceVersion = rs.wasNull() ? null : evidence;
    return new Instalment(
        rs.getObject("id", UUID.class),
        rs.getObject("obligation_id", UUID.class),
        rs.getObject("contract_id", UUID.class),
        rs.getInt("seq"),
        rs.getDate("due_on").toLocalDate(),
        InstalmentStatus.valueOf(rs.getString("status")),
        rs.getBoolean("overdue"),
        rs.getString("process_instance_id") != null,
        at == null ? null : at.toInstant(),
        rs.getString("outcome_by"),
        evidenceVersion,
        rs.getString("note"));
  }
}
