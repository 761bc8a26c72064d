package io.contractflow.workflow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each step's own check of its configured values (run by the deployment checks). */
class TemplatedStepChecksTest {

  private final WebhookProperties allowList =
      new WebhookProperties(
          List.of("Hooks.Example.com"), "k", Duration.ofSeconds(1), Duration.ofSeconds(1));

  @Test
  void aStatusIsOneOfTheContractsStatuses() {
    SetContractStatus step = new SetContractStatus(null);
    assertThat(step.check(Map.of("status", "APPROVED"))).isEmpty();
    assertThat(step.check(Map.of("status", "ON_HOLD")))
        .singleElement()
        .asString()
        .contains("ON_HOLD", "DRAFT");
  }

  @Test
  void aMailNamesAKnownTemplateAndRole() {
    NotifyByMail step = new NotifyByMail(event -> {});
    assertThat(
            step.check(
                Map.of(
                    "recipientType",
                    "role",
                    "recipient",
                    "CONTRACT_ADMIN",
                    "mailTemplate",
                    "process-step")))
        .isEmpty();
    assertThat(
            step.check(
                Map.of("recipientType", "role", "recipient", "BOSS", "mailTemplate", "newsletter")))
        .hasSize(2)
        .anyMatch(problem -> problem.contains("BOSS"))
        .anyMatch(problem -> problem.contains("newsletter"));
    assertThat(step.check(Map.of("recipientType", "team")))
        .singleElement()
        .asString()
        .contains("team");
  }

  @Test
  void anAuditKindIsAnUpperCaseWord() {
    RecordAuditEntry step = new RecordAuditEntry(null);
    assertThat(step.check(Map.of("kind", "SECURITY_REVIEW", "text", "ok"))).isEmpty();
    assertThat(step.check(Map.of("kind", "security review"))).hasSize(1);
    assertThat(step.check(Map.of("text", "x".repeat(1001)))).hasSize(1);
  }

  @Test
  void anObligationIsOfAKnownKindScheduleAndOwnerWithADueDateAndAnAmountForAPayment() {
    CreateObligation step = new CreateObligation(null, null);
    assertThat(
            step.check(
                Map.of(
                    "kind", "PAYMENT",
                    "title", "Support fee",
                    "owedBy", "COUNTERPARTY",
                    "ownerType", "GROUP",
                    "ownerId", "finance-approver",
                    "schedule", "QUARTERLY",
                    "firstDue", "P30D",
                    "until", "2027-12-31",
                    "amount", "2500.00",
                    "currency", "EUR")))
        .isEmpty();
    assertThat(step.check(Map.of("kind", "DELIVERY", "firstDue", "${due}", "ownerType", "${t}")))
        .as("expressions are checked when the step runs")
        .isEmpty();
    assertThat(step.check(Map.of("kind", "BONUS"))).singleElement().asString().contains("BONUS");
    assertThat(step.check(Map.of("kind", "PAYMENT")))
        .singleElement()
        .asString()
        .contains("a payment needs its amount");
    assertThat(step.check(Map.of("schedule", "MILESTONE"))).hasSize(1);
    assertThat(step.check(Map.of("ownerType", "GROUP")))
        .singleElement()
        .asString()
        .contains("ownerId");
    assertThat(step.check(Map.of("firstDue", "next week"))).hasSize(1);
    assertThat(step.check(Map.of("firstDue", "2027-02-30"))).hasSize(1);
    assertThat(step.check(Map.of("amount", "12.345"))).hasSize(1);
    assertThat(step.check(Map.of("amount", "0"))).hasSize(1);
    assertThat(step.check(Map.of("currency", "EURO"))).hasSize(1);
    assertThat(step.check(Map.of("title", "x".repeat(201)))).hasSize(1);
  }

  @Test
  void aWebhookGoesOnlyToAnAllowedHost() {
    CallWebhook step = new CallWebhook(allowList, null, null, null);
    assertThat(
            step.check(Map.of("url", "https://hooks.example.com/cf", "event", "contract.approved")))
        .isEmpty();
    assertThat(step.check(Map.of("url", "https://evil.example.net/cf")))
        .singleElement()
        .asString()
        .contains("evil.example.net", "allow-list");
    assertThat(step.check(Map.of("url", "ftp://hooks.example.com/x"))).hasSize(1);
    assertThat(step.check(Map.of("url", "https://user:pw@hooks.example.com/x"))).hasSize(1);
    assertThat(step.check(Map.of("event", "not an event"))).hasSize(1);
    CallWebhook closed =
        new CallWebhook(
            new WebhookProperties(null, null, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            null,
            null,
            null);
    assertThat(closed.check(Map.of("url", "https://hooks.example.com/cf")))
        .singleElement()
        .asString()
        .contains("empty: every webhook is refused");
  }

  @Test
  void aDueDateIsADurationOrADate() {
    SetDueDate step = new SetDueDate();
    assertThat(step.check(Map.of("dueIn", "P3D"))).isEmpty();
    assertThat(step.check(Map.of("dueIn", "PT4H"))).isEmpty();
    assertThat(step.check(Map.of("dueIn", "2027-03-31"))).isEmpty();
    assertThat(step.check(Map.of("dueIn", "2027-03-31T17:00:00+02:00"))).isEmpty();
    assertThat(step.check(Map.of("dueIn", "three days"))).hasSize(1);
    assertThat(step.check(Map.of("dueIn", "P3X"))).hasSize(1);
    assertThat(SetDueDate.due("2027-03-31")).isEqualTo(Instant.parse("2027-03-31T00:00:00Z"));
    assertThatThrownBy(() -> SetDueDate.due("soon")).hasMessageContaining("soon");
  }
}
