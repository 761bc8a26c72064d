package io.contractflow.template;

import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clause library. Everyone signed in reads it; only contract admins add clauses and versions.
 * Versions are immutable and numbered from 1 per clause.
 */
@Service
class ClauseService implements ClauseLookup {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ClauseService(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<ClauseResponse.Summary> list() {
    return jdbc.query(
        """
        select c.key, c.title, c.created_at, max(v.version) as latest
        from contractflow.clause c join contractflow.clause_version v on v.clause_id = c.id
        group by c.id, c.key, c.title, c.created_at order by c.key""",
        (rs, n) ->
            new ClauseResponse.Summary(
                rs.getString("key"),
                rs.getString("title"),
                rs.getInt("latest"),
                rs.getTimestamp("created_at").toInstant()));
  }

  /** The clause's latest version ({@code version} null) or the given one; 404 if there is none. */
  @Transactional(readOnly = true)
  ClauseResponse get(String key, Integer version) {
    return find(key, version)
        .orElseThrow(
            () ->
                version == null
                    ? NotFoundException.of("Clause", key)
                    : NotFoundException.of("Clause version", key + "@" + version));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> text(String key, Integer version) {
    return find(key, version).map(ClauseResponse::text);
  }

  private Optional<ClauseResponse> find(String key, Integer version) {
    List<ClauseResponse> found =
        jdbc.query(
            """
        select c.key, c.title, v.version, v.text, v.created_by, v.created_at,
               (select max(version) from contractflow.clause_version l where l.clause_id = c.id) as latest
        from contractflow.clause c join contractflow.clause_version v on v.clause_id = c.id
        where c.key = ? and v.version = coalesce(?, (select max(version) from contractflow.clause_version l where l.clause_id = c.id))""",
            (rs, n) ->
                new ClauseResponse(
                    rs.getString("key"),
                    rs.getString("title"),
                    rs.getInt("version"),
                    rs.getInt("latest"),
                    rs.getString("text"),
                    rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant()),
            key,
            version);
    return found.stream().findFirst();
  }

  @Transactional
  ClauseResponse create(CurrentUser user, ClauseRequest request) {
    requireAdmin(user);
    String text = checkedText(request.text());
    Instant now = clock.instant();
    int inserted =
        jdbc.update(
            "insert into contractflow.clause (id, key, title, created_at) values (?, ?, ?, ?) on conflict (key) do nothing",
            UUID.randomUUID(),
            request.key(),
            request.title().strip(),
            Timestamp.from(now));
    if (inserted == 0) {
      throw new ConflictException("A clause with the key '" + request.key() + "' already exists");
    }
    UUID id =
        jdbc.queryForObject(
            "select id from contractflow.clause where key = ?", UUID.class, request.key());
    insertVersion(id, 1, text, user.username(), now);
    return get(request.key(), 1);
  }

  @Transactional
  ClauseResponse addVersion(CurrentUser user, String key, ClauseRequest.NewVersion request) {
    requireAdmin(user);
    String text = checkedText(request.text());
    // one new version at a time per clause, so numbers follow each other
    UUID id =
        jdbc
            .query(
                "select id from contractflow.clause where key = ? for update",
                (rs, n) -> rs.getObject(1, UUID.class),
                key)
            .stream()
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("Clause", key));
    Integer last =
        jdbc.queryForObject(
            "select max(version) from contractflow.clause_version where clause_id = ?",
            Integer.class,
            id);
    int next = (last == null ? 0 : last) + 1;
    insertVersion(id, next, text, user.username(), clock.instant());
    return get(key, next);
  }

  /**
   * For the seeder: adds the clause with its first version unless the key exists; true if it was
   * added.
   */
  @Transactional
  boolean seed(String key, String title, String text) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    int inserted =
        jdbc.update(
            "insert into contractflow.clause (id, key, title, created_at) values (?, ?, ?, ?) on conflict (key) do nothing",
            id,
            key,
            title,
            Timestamp.from(now));
    if (inserted == 1) {
      insertVersion(id, 1, text, "system", now);
    }
    return inserted == 1;
  }

  private void insertVersion(UUID clauseId, int version, String text, String by, Instant at) {
    jdbc.update(
        "insert into contractflow.clause_version (clause_id, version, text, created_by, created_at) values (?, ?, ?, ?, ?)",
        clauseId,
        version,
        text,
        by,
        Timestamp.from(at));
  }

  /** Clause texts may use contract placeholders, but never include other clauses. */
  private static String checkedText(String text) {
    String stripped = text.strip();
    for (String name : Placeholders.in(stripped)) {
      if (name.startsWith(Placeholders.CLAUSE_PREFIX)) {
        throw InvalidInputException.field(
            "text", "must not include another clause ({{" + name + "}})");
      }
    }
    if (Placeholders.hasStrayBraces(stripped)) {
      throw InvalidInputException.field("text", "has an unterminated '{{' or '}}'");
    }
    return stripped;
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.isAdmin()) {
      throw new NotPermittedException("Only contract admins maintain the clause library");
    }
  }
}
