package io.contractflow.workflow.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stand-ins for every bean the models name in a {@code delegateExpression}, for the bare engine:
 * they touch no contract, document or signature and only set the process variables that the models'
 * gateways, decision, task attributes and timers read, with the values the platform's own beans
 * would set for the benchmark's contract (a 12,000.50 EUR services contract, two-year term renewing
 * by the year, 30 days' notice, 30 days' lead time). The names are read from the model files, so a
 * bean added to a model gets a plain no-op here without a change.
 */
final class NoOpDelegates {

  private static final Pattern DELEGATE_EXPRESSION =
      Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

  private NoOpDelegates() {}

  /**
   * The beans for these model sources: every name they use, bound to a no-op that sets what is read
   * later.
   */
  static Map<Object, Object> forModels(Iterable<String> modelSources) {
    Set<String> names = new TreeSet<>();
    for (String source : modelSources) {
      Matcher matcher = DELEGATE_EXPRESSION.matcher(source);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    Map<String, NoOp> known = known();
    Map<Object, Object> beans = new HashMap<>();
    for (String name : names) {
      beans.put(name, known.getOrDefault(name, new NoOp(scope -> {})));
    }
    return beans;
  }

  private static Map<String, NoOp> known() {
    return Map.of(
        "draftSubmissionCheck",
            new NoOp(
                scope -> {
                  if (scope.getVariable("nonStandardTerms") == null) {
                    processInstance(scope).setVariable("nonStandardTerms", false);
                  }
                  processInstance(scope).setVariable("submittedBy", "rita");
                }),
        "startReview",
            new NoOp(
                scope -> {
                  Instant due = now().plus(Duration.ofDays(3));
                  scope.setVariable("contractType", "SERVICES");
                  scope.setVariable("baseValue", 12000.50);
                  scope.setVariable("baseCurrency", "EUR");
                  scope.setVariable(
                      "nonStandardTerms",
                      Boolean.TRUE.equals(scope.getVariable("nonStandardTerms")));
                  scope.setVariable("rejected", false);
                  scope.setVariable("changesRequested", false);
                  scope.setVariable("reviewDueDate", Date.from(due));
                  scope.setVariable("reviewReminderAt", Date.from(due));
                  scope.setVariable("reviewEscalationAt", Date.from(due.plus(Duration.ofDays(2))));
                }),
        "collectReviewDecision",
            new NoOp(
                scope -> {
                  Object decision = scope.getVariable("decision");
                  if ("REJECT".equals(decision)) {
                    processInstance(scope).setVariable("rejected", true);
                  } else if ("REQUEST_CHANGES".equals(decision)) {
                    processInstance(scope).setVariable("changesRequested", true);
                  }
                }),
        "sendForSignature",
            new NoOp(
                scope -> {
                  scope.setVariable("signingRequestId", UUID.randomUUID().toString());
                  scope.setVariable("signingExpiresAt", Date.from(now().plus(Duration.ofDays(14))));
                  scope.setVariable(
                      "signingSent",
                      true); // what "Finish sending" sets for a provider that sent at once
                }),
        "sealSignedDocument",
            new NoOp(
                scope ->
                    scope.setVariable("signedDocumentVersionId", UUID.randomUUID().toString())),
        "activateContract", new NoOp(scope -> scope.setVariable("hasEndDate", true)),
        "planTerm", new NoOp(NoOpDelegates::planTwoYearTerm));
  }

  /**
   * What "Plan term" sets for a term ending in two years with 30 days' notice and a 30-day lead
   * time.
   */
  private static void planTwoYearTerm(VariableScope scope) {
    if (scope.getVariable("plannedEndsAt") instanceof Date plannedEnd) {
      // the bare mass expiry: a term that ends then, without renewal
      scope.setVariable("endsAt", plannedEnd);
      scope.setVariable("renewable", false);
      scope.setVariable("autoRenew", false);
      return;
    }
    LocalDate endDate = LocalDate.ofInstant(now(), ZoneOffset.UTC).plusYears(2).minusDays(1);
    Instant endsAt = endDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    LocalDate lastNoticeDay = endDate.minusDays(30);
    Instant noticeDeadline = lastNoticeDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    scope.setVariable("termEndsOn", endDate.toString());
    scope.setVariable("endsAt", Date.from(endsAt));
    scope.setVariable("noticeDeadline", Date.from(noticeDeadline));
    scope.setVariable("noticeDeadlineDate", lastNoticeDay.toString());
    scope.setVariable("renewalDecisionAt", Date.from(noticeDeadline.minus(Duration.ofDays(30))));
    scope.setVariable("renewable", true);
    scope.setVariable("renewalTermMonths", 12);
    scope.setVariable("autoRenew", true);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static VariableScope processInstance(VariableScope scope) {
    return scope instanceof DelegateTask task
        ? task.getExecution().getProcessInstance()
        : ((DelegateExecution) scope).getProcessInstance();
  }

  /**
   * Serves as a service task's delegate and as a task listener alike, as the models use the names.
   */
  static final class NoOp implements JavaDelegate, TaskListener {

    private final Consumer<VariableScope> sets;

    NoOp(Consumer<VariableScope> sets) {
      this.sets = sets;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sets.accept(execution);
    }

    @Override
    public void notify(DelegateTask task) {
      sets.accept(task);
    }
  }
}
