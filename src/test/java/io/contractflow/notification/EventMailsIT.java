package io.contractflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification lane composes several events in one transaction; when one of them cannot be
 * composed (its contract is gone, and the failed read marks the whole transaction for rollback),
 * the batch is worked again event by event: that one fails alone, counted and retried, while the
 * events beside it get their mail.
 */
class EventMailsIT extends IntegrationTest {

  @Autowired private NotificationEvents events;
  @Autowired private ObjectMapper json;
  @Autowired private TransactionTemplate transactions;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private IdentityService identity;

  @Test
  void anEventThatCannotBeComposedFailsAloneAndTheOthersOfItsBatchAreMailed() throws Exception {
    String first = TestUsers.requester(identity, "batchfirst");
    String last = TestUsers.requester(identity, "batchlast");
    UUID contract =
        UUID.fromString(
            createContract(first, contractBody(createCounterparty(first))).get("id").asText());
    UUID gone = UUID.randomUUID();
    String firstTask = json.writeValueAsString(waiting(contract, first));
    String brokenTask = json.writeValueAsString(waiting(gone, first));
    String lastTask = json.writeValueAsString(waiting(contract, last));

    transactions.executeWithoutResult(
        status -> {
          events.record(Notifier.TASK_WAITING, firstTask);
          events.record(Notifier.TASK_WAITING, brokenTask);
          events.record(Notifier.TASK_WAITING, lastTask);
        });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(
                      jdbc.queryForList(
                          "select recipient_user from contractflow.mail where recipient_user in (?, ?)"
                              + " and subject like '%Review the terms%'",
                          String.class, first, last))
                  .containsExactlyInAnyOrder(first, last);
              Map<String, Object> broken =
                  jdbc.queryForMap(
                      "select attempts, done_at, last_error from contractflow.outbox"
                          + " where topic = 'notification' and payload like ?",
                      "%" + gone + "%");
              assertThat((Integer) broken.get("attempts")).isGreaterThanOrEqualTo(1);
              assertThat(broken.get("done_at")).isNull();
              assertThat((String) broken.get("last_error")).contains("No contract " + gone);
            });
    // the two composed events are done (and gone: they have no dedupe key to keep)
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.outbox where topic = 'notification'"
                    + " and (payload like ? or payload like ?) and payload not like ?",
                Long.class,
                "%\"" + first + "\"%",
                "%\"" + last + "\"%",
                "%" + gone + "%"))
        .isZero();
  }

  private static TaskWaiting waiting(UUID contract, String assignee) {
    return new TaskWaiting(
        UUID.randomUUID().toString(),
        "Review the terms",
        contract,
        assignee,
        List.of(),
        List.of(),
        null);
  }
}
