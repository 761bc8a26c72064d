package io.contractflow.workflow.tasks;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.document.CurrentDocument;
import io.contractflow.document.DocumentVersionResponse;
import io.contractflow.workflow.ProcessVariables;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the contract's key facts on every new user task (as task-local variables), so each task's
 * form shows what the contract is and links to its current document, as of the moment the task was
 * created. The description carries the reference and title, so Tasklist's list tells tasks of
 * different contracts apart.
 */
@Component
class TaskFacts implements TaskListener {

  /** The task-local variables this listener sets on every new task. */
  static final Set<String> NAMES =
      Set.of(
          ProcessVariables.PLAYED_ROLE,
          ProcessVariables.REFERENCE,
          ProcessVariables.CONTRACT_TITLE,
          ProcessVariables.CONTRACT_TYPE,
          ProcessVariables.COUNTERPARTY_NAME,
          ProcessVariables.CONTRACT_VALUE,
          ProcessVariables.START_DATE,
          ProcessVariables.END_DATE,
          ProcessVariables.CONTRACT_STATUS,
          ProcessVariables.DOCUMENT_NAME,
          ProcessVariables.DOCUMENT_URL,
          ProcessVariables.DOCUMENT_VERSION);

  private final ContractTransitions contracts;
  private final CurrentDocument documents;

  TaskFacts(ContractTransitions contracts, CurrentDocument documents) {
    this.contracts = contracts;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    // the role, for what queries tasks by it (Tasklist's filters): a stored query cannot read
    // models
    TaskRoles.of(task).ifPresent(role -> task.setVariableLocal(ProcessVariables.PLAYED_ROLE, role));
    if (!ProcessVariables.hasContract(task)) {
      return; // not a contract's task
    }
    ContractResponse contract = contracts.current(ProcessVariables.contractId(task));
    // also on the task itself: reviewers may read a task's own variables, not always its process's
    task.setVariableLocal(ProcessVariables.REFERENCE, contract.reference());
    task.setVariableLocal(ProcessVariables.CONTRACT_TITLE, contract.title());
    task.setVariableLocal(ProcessVariables.CONTRACT_TYPE, contract.type().name());
    task.setVariableLocal(ProcessVariables.COUNTERPARTY_NAME, contract.counterparty().name());
    task.setVariableLocal(
        ProcessVariables.CONTRACT_VALUE,
        money(contract.value().amount(), contract.value().currency()));
    task.setVariableLocal(ProcessVariables.START_DATE, String.valueOf(contract.startDate()));
    task.setVariableLocal(
        ProcessVariables.END_DATE,
        contract.endDate() == null ? "open-ended" : contract.endDate().toString());
    task.setVariableLocal(ProcessVariables.CONTRACT_STATUS, contract.status().name());
    Optional<DocumentVersionResponse> document = documents.of(contract.id());
    task.setVariableLocal(
        ProcessVariables.DOCUMENT_NAME,
        document.map(DocumentVersionResponse::fileName).orElse("no document yet"));
    task.setVariableLocal(
        ProcessVariables.DOCUMENT_URL,
        document.map(DocumentVersionResponse::contentUrl).orElse(""));
    task.setVariableLocal(
        ProcessVariables.DOCUMENT_VERSION,
        document.map(d -> String.valueOf(d.version())).orElse("-"));
    task.setDescription(
        contract.reference() + " · " + contract.title() + " · " + contract.counterparty().name());
  }

  private static String money(BigDecimal amount, String currency) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(amount) + " " + currency;
  }
}
