package io.contractflow.savedview;

import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Each user's saved views: theirs alone; another user's view does not exist for them. */
@Service
public class SavedViews {

  /** Most views one user keeps per list. */
  static final int LIMIT = 50;

  private final JdbcClient jdbc;
  private final Clock clock;

  SavedViews(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<SavedView> of(String owner, String list) {
    String where = list == null ? "owner = ?" : "owner = ? and list = ?";
    return jdbc.sql(
            "select id, list, name, query, created_at from contractflow.saved_view where "
                + where
                + " order by list, lower(name)")
        .params(list == null ? List.of(owner) : List.of(owner, list))
        .query(
            (rs, n) ->
                new SavedView(
                    rs.getObject("id", UUID.class),
                    rs.getString("list"),
                    rs.getString("name"),
                    rs.getString("query"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  public SavedView save(String owner, SaveViewRequest request) {
    Integer count =
        jdbc.sql("select count(*) from contractflow.saved_view where owner = ? and list = ?")
            .params(owner, request.list())
            .query(Integer.class)
            .single();
    if (count >= LIMIT) {
      throw new ConflictException(
          "You keep " + LIMIT + " saved views of this list already: delete one first");
    }
    SavedView view =
        new SavedView(
            UUID.randomUUID(),
            request.list(),
            request.name().strip(),
            request.query() == null ? "" : request.query(),
            Instant.now(clock));
    try {
      jdbc.sql(
              "insert into contractflow.saved_view (id, owner, list, name, query, created_at)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(
              view.id(),
              owner,
              view.list(),
              view.name(),
              view.query(),
              Timestamp.from(view.createdAt()))
          .update();
    } catch (DuplicateKeyException taken) {
      throw new ConflictException("You have a view named \"" + view.name() + "\" already");
    }
    return view;
  }

  public void delete(String owner, UUID id) {
    int deleted =
        jdbc.sql("delete from contractflow.saved_view where id = ? and owner = ?")
            .params(id, owner)
            .update();
    if (deleted == 0) {
      throw new NotFoundException("No saved view " + id);
    }
  }
}
