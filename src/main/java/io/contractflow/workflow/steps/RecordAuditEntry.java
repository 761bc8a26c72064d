package io.contractflow.workflow.steps;

import io.contractflow.audit.AuditTrail;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record audit entry" (template {@value #TEMPLATE}): appends an entry of the configured {@code
 * kind} and {@code text} to the contract's audit trail, in the step's transaction, with the process
 * and the step it came from as details.
 */
@Component("recordAuditEntry")
class RecordAuditEntry implements JavaDelegate, TemplatedStep {

  static final String TEMPLATE = "io.contractflow.RecordAuditEntry";
  static final String KIND = "kind";
  static final String TEXT = "text";
  static final Pattern KINDS = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  static final int MAX_TEXT = 1000;

  private final AuditTrail audit;

  RecordAuditEntry(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    audit.record(
        ProcessVariables.contractId(execution),
        Actors.SYSTEM,
        StepInputs.required(execution, KIND),
        StepInputs.required(execution, TEXT),
        Map.of(
            "process",
            execution.getProcessDefinitionId(),
            "step",
            execution.getCurrentActivityId()));
  }

  @Override
  public String templateId() {
    return TEMPLATE;
  }

  @Override
  public List<String> check(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    String kind = values.get(KIND);
    if (kind != null && !StepInputs.isExpression(kind) && !KINDS.matcher(kind).matches()) {
      problems.add(
          "kind '" + kind + "' is no upper-case word of up to 40 letters, digits and underscores");
    }
    String text = values.get(TEXT);
    if (text != null && text.length() > MAX_TEXT) {
      problems.add("text is longer than " + MAX_TEXT + " characters");
    }
    return problems;
  }
}
