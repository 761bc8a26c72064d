package io.contractflow.workflow.tasks;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.document.CurrentDocument;
import io.contractflow.document.DocumentVersionResponse;
import io.contractflow.workflow.Variables;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the contract's key facts on every new user task (as task-local variables), so each task's form shows what
 * the contract is and links to its current document, as of the moment the task was created. The description
 * carries the reference and title, so Tasklist's list tells tasks of different contracts apart.
 */
@Component
class TaskFacts implements TaskListener {

  private final ContractTransitions contracts;
  private final CurrentDocument documents;

  TaskFacts(ContractTransitions contracts, CurrentDocument documents) {
    this.contracts = contracts;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Variables.hasContract(task)) {
      return; // not a contract's task
    }
    ContractResponse contract = contracts.current(Variables.contractId(task));
    // also on the task itself: reviewers may read a task's own variables, not always its process's
    task.setVariableLocal("reference", contract.reference());
    task.setVariableLocal("contractTitle", contract.title());
    task.setVariableLocal("contractType", contract.type().name());
    task.setVariableLocal("counterpartyName", contract.counterparty().name());
    task.setVariableLocal("contractValue", money(contract.value().amount(), contract.value().currency()));
    task.setVariableLocal("startDate", String.valueOf(contract.startDate()));
    task.setVariableLocal("endDate", contract.endDate() == null ? "open-ended" : contract.endDate().toString());
    task.setVariableLocal("contractStatus", contract.status().name());
    Optional<DocumentVersionResponse> document = documents.of(contract.id());
    task.setVariableLocal("documentName", document.map(DocumentVersionResponse::fileName).orElse("no document yet"));
    task.setVariableLocal("documentUrl", document.map(DocumentVersionResponse::contentUrl).orElse(""));
    task.setVariableLocal("documentVersion", document.map(d -> String.valueOf(d.version())).orElse("-"));
    task.setDescription(contract.reference() + " · " + contract.title() + " · " + contract.counterparty().name());
  }

  private static String money(BigDecimal amount, String currency) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(amount) + " " + currency;
  }
}
