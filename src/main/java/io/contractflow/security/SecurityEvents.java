package io.contractflow.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The security log's events kept in the database ({@code contractflow.security_event}) for their
 * retention period, to be exported: queued in memory and written by one thread in batches, so that
 * a burst (an attack's failed logins) neither slows requests nor takes database connections from
 * them. When the queue is full, events are dropped from the table (they are still in the log) and
 * counted; the next batch records how many.
 */
@Component
public class SecurityEvents implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 200;

  /** One event as stored and exported. */
  public record Event(
      Instant at,
      String level,
      String action,
      String outcome,
      String user,
      String sourceIp,
      String message,
      String fields) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration retention;
  private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(10_000);
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running;
  private Thread writer;

  SecurityEvents(
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${contractflow.security-log.retention:P400D}") Duration retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  /** Queues one event (never blocks). */
  void add(String level, String message, Map<String, Object> fields) {
    Event event =
        new Event(
            clock.instant(),
            level,
            text(fields.get("event.action"), 80),
            text(fields.get("event.outcome"), 20),
            text(fields.get("user.name"), 160),
            text(fields.get("source.ip"), 64),
            text(message, 200),
            json(fields));
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  /**
   * Events from {@code from} (inclusive) to {@code to} (exclusive), oldest first, at most limit.
   */
  public List<Event> between(Instant from, Instant to, int limit) {
    flush();
    return jdbc.query(
        "select at, level, action, outcome, user_name, source_ip, message, fields"
            + " from contractflow.security_event where at >= ? and at < ? order by at, id limit ?",
        (rs, i) ->
            new Event(
                rs.getTimestamp("at").toInstant(),
                rs.getString("level"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("user_name"),
                rs.getString("source_ip"),
                rs.getString("message"),
                rs.getString("fields")),
        Timestamp.from(from),
        Timestamp.from(to),
        limit);
  }

  /** Writes what is queued now (the writer thread does this continuously). */
  public synchronized void flush() {
    List<Event> batch = new ArrayList<>(BATCH);
    while (queue.drainTo(batch, BATCH) > 0) {
      write(batch);
      batch.clear();
    }
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      write(
          List.of(
              new Event(
                  clock.instant(),
                  "WARN",
                  "security-log-overflow",
                  "unknown",
                  null,
                  null,
                  lost + " security events not stored (queue full); they are in the log",
                  "{}")));
    }
  }

  private void write(List<Event> batch) {
    try {
      jdbc.batchUpdate(
          "insert into contractflow.security_event (at, level, action, outcome, user_name,"
              + " source_ip, message, fields) values (?, ?, ?, ?, ?, ?, ?, ?)",
          batch.stream()
              .map(
                  e ->
                      new Object[] {
                        Timestamp.from(e.at()),
                        e.level(),
                        e.action() == null ? "unknown" : e.action(),
                        e.outcome(),
                        e.user(),
                        e.sourceIp(),
                        e.message(),
                        e.fields()
                      })
              .toList());
    } catch (RuntimeException e) {
      dropped.addAndGet(batch.size());
      log.warn("{} security events not stored: {}", batch.size(), e.toString());
    }
  }

  /** Deletes events past their retention, daily. */
  @Scheduled(cron = "${contractflow.security-log.purge-cron:0 17 3 * * *}")
  void purge() {
    int deleted =
        jdbc.update(
            "delete from contractflow.security_event where at < ?",
            Timestamp.from(clock.instant().minus(retention)));
    if (deleted > 0) {
      log.info("Deleted {} security events older than {}", deleted, retention);
    }
  }

  private void loop() {
    while (running) {
      try {
        Event first = queue.poll(1, TimeUnit.SECONDS);
        if (first != null) {
          synchronized (this) {
            List<Event> batch = new ArrayList<>(BATCH);
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            write(batch);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Security log writer: {}", e.toString());
      }
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    writer = new Thread(this::loop, "security-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
      writer = null;
    }
    flush();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static String text(Object value, int max) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static String json(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      return "{}";
    }
  }
}
