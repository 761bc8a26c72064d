package io.contractflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * How much a submit and a view of the process cost in SQL statements, counted from the statement
 * logs of the engine (MyBatis), Hibernate and {@code JdbcTemplate} on the request's thread: a
 * submit checks the contract once and builds its answer in the same transaction, and a view finds
 * the contract's process instances in one query and the facts on its tasks in another. Prints the
 * numbers; the bounds only catch a return of the repeated work. Measured when this was written (a
 * draft with its submit task open): GET /process 17 engine and 3 Hibernate statements before, 10
 * and 3 after; POST /submit 53 engine, 7 Hibernate, 6 JdbcTemplate before, 49, 4, 6 after.
 */
class ProcessViewQueriesIT extends IntegrationTest {

  /**
   * Logger (prefix) of each kind of statement, and the text of the line that marks one statement.
   */
  /** The engine's statements of each counted request, by MyBatis statement id. */
  private static final Map<String, Map<String, Integer>> STATEMENTS = new ConcurrentHashMap<>();

  private static final Map<String, String> STATEMENT_LOGS =
      Map.of(
          "org.camunda.bpm.engine.impl.persistence.entity", "==>  Preparing:",
          "org.hibernate.SQL", "",
          "org.springframework.jdbc.core.JdbcTemplate", "Executing prepared SQL");

  @Test
  void aSubmitAndAViewEachReadTheContractOnceAndAskTheEngineLittle() {
    String id = createContract("rita").get("id").asText();
    Api.Response uploaded =
        api.as("rita")
            .upload(
                "/api/contracts/" + id + "/documents",
                "contract.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> ContractsInReview.process(api, "rita", id).get("phase").asText(),
            "Drafting"::equals);

    Map<String, Integer> view =
        count("view", () -> api.as("rita").get("/api/contracts/" + id + "/process"));
    Map<String, Integer> submit =
        count(
            "submit",
            () ->
                api.as("rita")
                    .post(
                        "/api/contracts/" + id + "/submit",
                        JSON.createObjectNode()
                            .put("nonStandardTerms", false)
                            .put("comment", "ready")));
    System.out.printf(
        "SQL statements per request: GET /process %s, POST /submit %s%n", view, submit);
    System.out.printf("engine statements of GET /process: %s%n", STATEMENTS.get("view"));
    System.out.printf("engine statements of POST /submit: %s%n", STATEMENTS.get("submit"));

    // the submit checks its values against the task's deployed form: its latest definition and
    // its schema are read (a few statements more than before forms were checked)
    assertThat(submit.get("engine")).as("engine statements of a submit").isLessThan(58);
    assertThat(submit.get("hibernate")).as("contract reads of a submit").isLessThan(7);
    assertThat(view.get("engine")).as("engine statements of a view").isLessThan(12);
  }

  /**
   * Runs the request and counts the statements its thread logged, by kind (engine, hibernate,
   * jdbc).
   */
  private static Map<String, Integer> count(String label, Supplier<Api.Response> request) {
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    Map<String, Integer> statements = new TreeMap<>();
    STATEMENTS.put(label, statements);
    String[] kinds = {"engine", "hibernate", "jdbc"};
    List<String> names =
        List.of(
            "org.camunda.bpm.engine.impl.persistence.entity",
            "org.hibernate.SQL",
            "org.springframework.jdbc.core.JdbcTemplate");
    AppenderBase<ILoggingEvent> counter =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            if (!event.getThreadName().startsWith("http-")) {
              return;
            }
            for (int i = 0; i < names.size(); i++) {
              if (event.getLoggerName().startsWith(names.get(i))
                  && event.getFormattedMessage().contains(STATEMENT_LOGS.get(names.get(i)))) {
                counts.computeIfAbsent(kinds[i], k -> new AtomicInteger()).incrementAndGet();
                if (i == 0) {
                  synchronized (statements) {
                    statements.merge(
                        event.getLoggerName().substring(names.get(0).length() + 1),
                        1,
                        Integer::sum);
                  }
                }
              }
            }
          }
        };
    counter.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
    counter.start();
    Map<Logger, Level> levels = new java.util.HashMap<>();
    Map<Logger, Boolean> additive = new java.util.HashMap<>();
    for (String name : names) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      levels.put(logger, logger.getLevel());
      additive.put(logger, logger.isAdditive());
      logger.setLevel(Level.DEBUG);
      logger.setAdditive(false);
      logger.addAppender(counter);
    }
    try {
      Api.Response response = request.get();
      assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    } finally {
      levels.forEach(
          (logger, level) -> {
            logger.detachAppender(counter);
            logger.setLevel(level);
            logger.setAdditive(additive.get(logger));
          });
      counter.stop();
    }
    Map<String, Integer> result = new TreeMap<>();
    for (String kind : kinds) {
      result.put(kind, counts.getOrDefault(kind, new AtomicInteger()).get());
    }
    return result;
  }
}
