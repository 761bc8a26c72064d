package io.contractflow.workflow.api;

import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskDecision;
import io.contractflow.workflow.drafting.DraftingVariables;
import io.contractflow.workflow.review.ReviewDecision;
import io.contractflow.workflow.review.ReviewVariables;
import io.contractflow.workflow.term.RenewalDecision;
import io.contractflow.workflow.term.TermVariables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What completing each known role's task takes through the API besides its form, checked before the
 * engine is asked, so a bad request is a 400 that names the field, never an engine error: the
 * request's {@code decision}, {@code comment} and {@code nonStandardTerms} as the role's form
 * fields, and whether a decision needs a reason. Which decisions a task offers, which need a reason
 * and the variable a decision goes in are the phases' ({@link ReviewDecision}, {@link
 * RenewalDecision}, their {@code *Variables}); this class only maps their answers to the API's
 * problems. Tasks of other roles, or none, take their form's fields in {@code values} only.
 */
final class TaskDecisions {

  /**
   * What a role's task asks for: the variable its decision goes in (none for a plain submit) and
   * the decisions.
   */
  private record Asked(String variable, List<? extends TaskDecision> decisions) {}

  private static final Map<String, Asked> ASKED =
      Map.of(
          DraftingVariables.ROLE_SUBMIT_DRAFT, new Asked(null, List.of()),
          ReviewVariables.ROLE_REVIEW, new Asked(ReviewVariables.DECISION, ReviewDecision.all()),
          TermVariables.ROLE_DECIDE_RENEWAL,
              new Asked(TermVariables.RENEWAL_DECISION, List.of(RenewalDecision.values())));

  private TaskDecisions() {}

  /** Whether the API knows the role's decisions (the three lifecycle tasks). */
  static boolean known(String role) {
    return role != null && ASKED.containsKey(role);
  }

  static List<String> decisionsFor(String role) {
    Asked asked = role == null ? null : ASKED.get(role);
    return asked == null ? List.of() : asked.decisions().stream().map(TaskDecision::name).toList();
  }

  /**
   * The values to complete a task of a known role with, before its form checks them: the request's
   * own fields as the role's variables, then its {@code values}.
   */
  static Map<String, Object> variables(String role, CompleteTaskRequest submitted) {
    Asked asked = ASKED.get(role);
    CompleteTaskRequest request = fromFormValues(asked, submitted);
    Map<String, Object> variables = new HashMap<>();
    String comment = request.comment() == null ? "" : request.comment().strip();
    variables.put(ProcessVariables.COMMENT, comment);
    if (asked.variable() == null) {
      if (request.decision() != null) {
        throw InvalidInputException.field("decision", "is not asked by this task");
      }
      variables.put(
          DraftingVariables.NON_STANDARD_TERMS, Boolean.TRUE.equals(request.nonStandardTerms()));
      return withValues(variables, request);
    }
    TaskDecision decision =
        asked.decisions().stream()
            .filter(d -> d.name().equals(request.decision()))
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidInputException.field(
                        "decision", "must be one of " + String.join(", ", decisionsFor(role))));
    if (request.nonStandardTerms() != null) {
      throw InvalidInputException.field("nonStandardTerms", "is not asked by this task");
    }
    if (decision.needsReason() && comment.isEmpty()) {
      throw InvalidInputException.field(
          "comment", "must say why when the decision is " + decision.name());
    }
    variables.put(asked.variable(), decision.name());
    return withValues(variables, request);
  }

  /**
   * The values of a task the API knows only by its form: {@code values}, with a {@code comment}
   * given on its own as the form's {@code comment}.
   */
  /**
   * The request as if its own fields were given, when a form renderer sent all the role's form
   * fields in {@code values} (form-js submits one object): the decision's variable, {@code comment}
   * and, for a submit, {@code nonStandardTerms} are taken from there unless the request gives them
   * itself.
   */
  private static CompleteTaskRequest fromFormValues(Asked asked, CompleteTaskRequest request) {
    if (request.values() == null) {
      return request;
    }
    Map<String, Object> rest = new LinkedHashMap<>(request.values());
    String decision = request.decision();
    if (decision == null
        && asked.variable() != null
        && rest.get(asked.variable()) instanceof String chosen) {
      decision = chosen;
      rest.remove(asked.variable());
    }
    String comment = request.comment();
    if (comment == null && rest.get(ProcessVariables.COMMENT) instanceof String said) {
      comment = said;
      rest.remove(ProcessVariables.COMMENT);
    }
    Boolean nonStandardTerms = request.nonStandardTerms();
    if (nonStandardTerms == null
        && asked.variable() == null
        && rest.get(DraftingVariables.NON_STANDARD_TERMS) instanceof Boolean flagged) {
      nonStandardTerms = flagged;
      rest.remove(DraftingVariables.NON_STANDARD_TERMS);
    }
    return new CompleteTaskRequest(decision, comment, nonStandardTerms, rest);
  }

  static Map<String, Object> formValues(CompleteTaskRequest request) {
    if (request.decision() != null) {
      throw InvalidInputException.field(
          "decision", "is not asked by this task: send the form's fields in values");
    }
    if (request.nonStandardTerms() != null) {
      throw InvalidInputException.field("nonStandardTerms", "is not asked by this task");
    }
    Map<String, Object> variables = new HashMap<>();
    if (request.comment() != null) {
      variables.put(ProcessVariables.COMMENT, request.comment().strip());
    }
    return withValues(variables, request);
  }

  private static Map<String, Object> withValues(
      Map<String, Object> variables, CompleteTaskRequest request) {
    if (request.values() == null) {
      return variables;
    }
    List<FieldError> twice = new ArrayList<>();
    request
        .values()
        .forEach(
            (key, value) -> {
              if (variables.containsKey(key)) {
                twice.add(
                    new FieldError("values." + key, "is given on its own already; send it once"));
              } else {
                variables.put(key, value);
              }
            });
    if (!twice.isEmpty()) {
      throw new InvalidInputException(twice);
    }
    return variables;
  }
}
