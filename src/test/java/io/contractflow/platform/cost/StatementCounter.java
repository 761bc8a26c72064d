package io.contractflow.platform.cost;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts what reaches PostgreSQL through the platform's data source (datasource-proxy wraps it):
 * statements by who ran them (a request thread, the job executor, the outbox worker, anything else)
 * and by kind, batches, commits and rollbacks. The pollers' idle queries (job acquisition, the
 * outbox's next entries) are counted apart, so a figure is the work an operation caused.
 */
public final class StatementCounter implements QueryExecutionListener, MethodExecutionListener {

  private static final Pattern POLL =
      Pattern.compile(
          "(?is).*(for update skip locked|LOCK_EXP_TIME_ is null or .*LOCK_EXP_TIME_ <|select .* from ACT_RU_JOB .*DUEDATE_).*");

  private static final ThreadLocal<Boolean> IGNORED = ThreadLocal.withInitial(() -> false);

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> requestSql = new ConcurrentHashMap<>();

  /** The request threads' statements so far, by their first 90 characters. */
  public Map<String, Long> requestStatements() {
    Map<String, Long> copy = new TreeMap<>();
    requestSql.forEach((key, value) -> copy.put(key, value.sum()));
    return copy;
  }

  /** Runs the test's own checks on this thread without counting them. */
  public static <T> T uncounted(java.util.function.Supplier<T> check) {
    IGNORED.set(true);
    try {
      return check.get();
    } finally {
      IGNORED.set(false);
    }
  }

  /** The data source bean wrapped so this counter sees every statement and commit. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Wiring {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }

    @Bean
    static BeanPostProcessor countingDataSource(
        org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource dataSource && !name.contains("counted")) {
            StatementCounter listener = counter.getObject();
            return ProxyDataSourceBuilder.create(dataSource)
                .name("counted-" + name)
                .listener(listener)
                .methodListener(listener)
                .build();
          }
          return bean;
        }
      };
    }
  }

  /** The counts so far, by key ({@code <who>.<kind>}), sorted. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, value) -> copy.put(key, value.sum()));
    return copy;
  }

  /** What was counted between two snapshots (keys with no change left out). */
  public static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach(
        (key, value) -> {
          long d = value - before.getOrDefault(key, 0L);
          if (d != 0) {
            delta.put(key, d);
          }
        });
    return delta;
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    if (IGNORED.get()) {
      return;
    }
    String who = who(Thread.currentThread().getName());
    String sql = queries.isEmpty() ? "" : queries.get(0).getQuery();
    if (POLL.matcher(sql).matches()) {
      add("poll.statements", 1);
      return;
    }
    int rows = execution.isBatch() ? Math.max(1, execution.getBatchSize()) : 1;
    add(who + ".statements", execution.isBatch() ? rows : queries.size());
    add(who + "." + kind(sql), execution.isBatch() ? rows : 1);
    if (execution.isBatch()) {
      add(who + ".batches", 1);
    }
    add(who + ".roundTrips", 1);
    if (who.equals("request")) {
      String text = sql.strip().replaceAll("\\s+", " ");
      requestSql
          .computeIfAbsent(text.substring(0, Math.min(90, text.length())), k -> new LongAdder())
          .add(execution.isBatch() ? rows : 1);
    }
  }

  @Override
  public void beforeMethod(MethodExecutionContext context) {}

  @Override
  public void afterMethod(MethodExecutionContext context) {
    if (IGNORED.get() || !(context.getTarget() instanceof Connection)) {
      return;
    }
    Method method = context.getMethod();
    String who = who(Thread.currentThread().getName());
    switch (method.getName()) {
      case "commit" -> {
        add(who + ".commits", 1);
        if (who.equals("request")) {
          add("request.commit@" + committer(), 1);
        }
      }
      case "rollback" -> add(who + ".rollbacks", 1);
      default -> {}
    }
  }

  /** The first frame of ours (or the engine's, or Spring Security's) that led to a commit. */
  private static String committer() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .map(f -> f.getClassName() + "." + f.getMethodName())
                    .filter(
                        name ->
                            (name.startsWith("io.contractflow")
                                    && !name.startsWith("io.contractflow.platform.cost"))
                                || name.startsWith("org.camunda.bpm.engine.impl.cmd"))
                    .findFirst()
                    .orElse("?"));
  }

  private void add(String key, long n) {
    counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }

  static String who(String thread) {
    if (thread.startsWith("http-")) {
      return "request";
    }
    if (thread.startsWith("camundaTaskExecutor") || thread.contains("JobExecutor")) {
      return "jobs";
    }
    if (thread.startsWith("outbox")) {
      return "outbox";
    }
    return "other";
  }

  private static String kind(String sql) {
    String head = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
    for (String kind : List.of("select", "insert", "update", "delete", "with")) {
      if (head.startsWith(kind)) {
        return kind.equals("with") ? "select" : kind;
      }
    }
    return "other";
  }
}
