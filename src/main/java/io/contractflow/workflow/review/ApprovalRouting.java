package io.contractflow.workflow.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Reads the approval matrix's evaluation in one review from the engine's history: the inputs it
 * saw, the rules that fired (with the designer's description of each) and the groups they chose.
 */
@Component
public class ApprovalRouting {

  static final String DECISION_KEY = "approvers";

  private final HistoryService history;
  private final RepositoryService repository;

  ApprovalRouting(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  /** One evaluation, as it is shown on the contract and written to its history. */
  public record Routing(
      String decisionInstanceId,
      Instant evaluatedAt,
      Map<String, Object> inputs,
      List<Map<String, Object>> rules,
      List<String> approverGroups,
      String summary) {

    public Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("decision", DECISION_KEY);
      map.put("decisionInstanceId", decisionInstanceId);
      map.put("evaluatedAt", evaluatedAt.toString());
      map.put("inputs", inputs);
      map.put("rules", rules);
      map.put("approverGroups", approverGroups);
      map.put("summary", summary);
      return map;
    }
  }

  /** The latest evaluation in the given review process instance, if there was one. */
  public Optional<Routing> in(String reviewProcessInstanceId) {
    return history
        .createHistoricDecisionInstanceQuery()
        .processInstanceId(reviewProcessInstanceId)
        .decisionDefinitionKey(DECISION_KEY)
        .includeInputs()
        .includeOutputs()
        .orderByEvaluationTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .findFirst()
        .map(this::routing);
  }

  private Routing routing(HistoricDecisionInstance decision) {
    DmnModelInstance model = repository.getDmnModelInstance(decision.getDecisionDefinitionId());
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (HistoricDecisionInputInstance input : decision.getInputs()) {
      inputs.put(
          input.getClauseName() == null ? input.getClauseId() : input.getClauseName(),
          input.getValue());
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
      Rule rule = model.getModelElementById(output.getRuleId());
      String why =
          rule == null || rule.getDescription() == null
              ? ""
              : rule.getDescription().getTextContent().trim();
      Map<String, Object> fired = new LinkedHashMap<>();
      fired.put("rule", output.getRuleOrder());
      fired.put("ruleId", output.getRuleId());
      fired.put("description", why);
      fired.put("approverGroup", output.getValue());
      rules.add(fired);
      if (output.getValue() != null && !groups.contains(output.getValue().toString())) {
        groups.add(output.getValue().toString());
      }
    }
    String summary =
        groups.isEmpty()
            ? "No approval needed: no rule of the approval matrix applies"
            : "Routed to "
                + String.join(", ", groups)
                + " by rule"
                + (rules.size() > 1 ? "s " : " ")
                + String.join(
                    "; ",
                    rules.stream()
                        .map(
                            r ->
                                r.get("rule")
                                    + (r.get("description").toString().isEmpty()
                                        ? ""
                                        : " (" + r.get("description") + ")"))
                        .toList());
    return new Routing(
        decision.getId(),
        decision.getEvaluationTime().toInstant(),
        inputs,
        rules,
        List.copyOf(groups),
        summary);
  }
}
