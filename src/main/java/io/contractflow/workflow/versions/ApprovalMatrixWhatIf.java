package io.contractflow.workflow.versions;

import io.contractflow.platform.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.springframework.stereotype.Service;

/**
 * The what-if of a changed approval matrix: the uploaded DMN is evaluated in memory, by a DMN
 * engine of its own (never deployed, never written to the history), on the inputs of the latest
 * evaluation of {@code approvers} of each past contract as the engine's history keeps them, and the
 * groups it chooses are compared with the groups chosen then.
 *
 * <p>A stored input is handed to the new matrix under the variable its input expression read then
 * ({@code contractType}, {@code baseValue}, ...); an input of the new matrix that reads anything
 * else is reported as missing and gets null. Only FEEL is evaluated (the matrix's default; no JUEL
 * and no scripts, which could reach Java), and a document with a DOCTYPE is refused.
 */
@Service
class ApprovalMatrixWhatIf {

  static final String DECISION_KEY = "approvers";
  static final String OUTPUT = "approverGroup";
  static final int MAX_CONTRACTS = 10_000;
  static final int MAX_BYTES = 1_000_000;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LANGUAGE =
      Pattern.compile("expressionLanguage\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final int QUERY_PAGE = 500;

  private final HistoryService history;
  private final RepositoryService repository;
  private final DmnEngine dmn =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  ApprovalMatrixWhatIf(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  /** Replays the matrix on the latest evaluation of up to {@code limit} contracts, newest first. */
  WhatIfReport replay(byte[] xml, int limit) {
    if (limit < 1 || limit > MAX_CONTRACTS) {
      throw InvalidInputException.field("limit", "must be between 1 and " + MAX_CONTRACTS);
    }
    DmnModelInstance model = parse(xml);
    DmnDecision decision;
    try {
      decision = dmn.parseDecision(DECISION_KEY, model);
    } catch (RuntimeException e) {
      throw invalid("The decision " + DECISION_KEY + " cannot be read: " + e.getMessage());
    }
    Set<String> newInputs = inputVariables(model);
    Map<String, Map<String, String>> variablesOfDefinition = new HashMap<>();
    Set<String> storedVariables = new TreeSet<>();
    List<WhatIfReport.Change> changes = new ArrayList<>();
    List<WhatIfReport.Failure> failures = new ArrayList<>();
    int unchanged = 0;
    List<Latest> latest = latestPerContract(limit);
    for (Latest evaluation : latest) {
      HistoricDecisionInstance old = evaluation.decision();
      Map<String, String> variableOfClause =
          variablesOfDefinition.computeIfAbsent(
              old.getDecisionDefinitionId(), this::variablesOfClauses);
      Map<String, Object> variables = new LinkedHashMap<>();
      for (HistoricDecisionInputInstance input : old.getInputs()) {
        String variable = variableOfClause.get(input.getClauseId());
        if (variable != null) {
          variables.put(variable, input.getValue());
        }
      }
      storedVariables.addAll(variables.keySet());
      newInputs.forEach(name -> variables.putIfAbsent(name, null));
      List<String> oldGroups = groups(old.getOutputs().stream().map(o -> o.getValue()).toList());
      List<String> newGroups;
      try {
        newGroups = groups(groupsOf(dmn.evaluateDecision(decision, variables)));
      } catch (RuntimeException e) {
        failures.add(
            new WhatIfReport.Failure(evaluation.contractId(), old.getId(), e.getMessage()));
        continue;
      }
      if (Set.copyOf(oldGroups).equals(Set.copyOf(newGroups))) {
        unchanged++;
        continue;
      }
      changes.add(
          new WhatIfReport.Change(
              evaluation.contractId(),
              old.getId(),
              old.getEvaluationTime().toInstant(),
              versionOf(old.getDecisionDefinitionId()),
              variables,
              oldGroups,
              newGroups,
              newGroups.stream().filter(g -> !oldGroups.contains(g)).toList(),
              oldGroups.stream().filter(g -> !newGroups.contains(g)).toList()));
    }
    List<String> missing =
        latest.isEmpty()
            ? List.of()
            : newInputs.stream().filter(name -> !storedVariables.contains(name)).sorted().toList();
    return new WhatIfReport(DECISION_KEY, latest.size(), unchanged, missing, changes, failures);
  }

  private record Latest(String contractId, HistoricDecisionInstance decision) {}

  /** The latest evaluation of the matrix for each contract, newest first, up to {@code limit}. */
  private List<Latest> latestPerContract(int limit) {
    Map<String, Latest> byContract = new LinkedHashMap<>();
    int first = 0;
    while (byContract.size() < limit) {
      List<HistoricDecisionInstance> page =
          history
              .createHistoricDecisionInstanceQuery()
              .decisionDefinitionKey(DECISION_KEY)
              .includeInputs()
              .includeOutputs()
              .orderByEvaluationTime()
              .desc()
              .listPage(first, QUERY_PAGE);
      if (page.isEmpty()) {
        break;
      }
      first += page.size();
      Map<String, String> contractOf = contracts(page);
      for (HistoricDecisionInstance decision : page) {
        String contract = contractOf.get(decision.getProcessInstanceId());
        if (contract != null && byContract.size() < limit) {
          byContract.putIfAbsent(contract, new Latest(contract, decision));
        }
      }
    }
    return List.copyOf(byContract.values());
  }

  /** The contract (business key) of each evaluation's process instance. */
  private Map<String, String> contracts(Collection<HistoricDecisionInstance> decisions) {
    String[] ids =
        decisions.stream()
            .map(HistoricDecisionInstance::getProcessInstanceId)
            .filter(Objects::nonNull)
            .distinct()
            .toArray(String[]::new);
    if (ids.length == 0) {
      return Map.of();
    }
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.of(ids))
        .list()
        .stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(
            Collectors.toMap(
                HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
  }

  /** For a deployed version of the matrix: the variable each input clause read, by clause id. */
  private Map<String, String> variablesOfClauses(String decisionDefinitionId) {
    DmnModelInstance model = repository.getDmnModelInstance(decisionDefinitionId);
    Map<String, String> variables = new HashMap<>();
    for (Input input : model.getModelElementsByType(Input.class)) {
      String text = expression(input);
      if (text != null && IDENTIFIER.matcher(text).matches()) {
        variables.put(input.getId(), text);
      }
    }
    return variables;
  }

  private int versionOf(String decisionDefinitionId) {
    return repository.getDecisionDefinition(decisionDefinitionId).getVersion();
  }

  /** The variables the new matrix's inputs read (when an input is a plain variable name). */
  private static Set<String> inputVariables(DmnModelInstance model) {
    Decision decision = model.getModelElementById(DECISION_KEY);
    Set<String> names = new LinkedHashSet<>();
    for (Input input :
        decision
            .getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class)
            .stream()
            .flatMap(t -> t.getInputs().stream())
            .toList()) {
      String text = expression(input);
      if (text != null && IDENTIFIER.matcher(text).matches()) {
        names.add(text);
      }
    }
    return names;
  }

  private static String expression(Input input) {
    InputExpression expression = input.getInputExpression();
    return expression == null || expression.getText() == null
        ? null
        : expression.getText().getTextContent().trim();
  }

  private static List<Object> groupsOf(DmnDecisionResult result) {
    List<Object> values = new ArrayList<>();
    for (Map<String, Object> entries : result.getResultList()) {
      if (entries.containsKey(OUTPUT)) {
        values.add(entries.get(OUTPUT));
      } else {
        values.addAll(entries.values());
      }
    }
    return values;
  }

  private static List<String> groups(List<Object> values) {
    return values.stream()
        .filter(Objects::nonNull)
        .map(Object::toString)
        .distinct()
        .sorted()
        .toList();
  }

  private static DmnModelInstance parse(byte[] xml) {
    if (xml == null || xml.length == 0) {
      throw invalid("Upload the approval matrix as DMN XML");
    }
    if (xml.length > MAX_BYTES) {
      throw invalid("The DMN is larger than " + MAX_BYTES + " bytes");
    }
    String text = new String(xml, StandardCharsets.UTF_8);
    if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
      throw invalid("A DMN with a DOCTYPE is refused");
    }
    Matcher language = LANGUAGE.matcher(text);
    while (language.find()) {
      String name = language.group(1).toLowerCase(Locale.ROOT);
      if (!name.equals("feel")
          && !name.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel.*")) {
        throw invalid(
            "The what-if evaluates FEEL only (the matrix's default), not expression language "
                + language.group(1));
      }
    }
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw invalid("Not a DMN model: " + e.getMessage());
    }
    if (!(model.getModelElementById(DECISION_KEY) instanceof Decision)) {
      throw invalid("The DMN has no decision with the id " + DECISION_KEY);
    }
    return model;
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.field("dmn", message);
  }
}
