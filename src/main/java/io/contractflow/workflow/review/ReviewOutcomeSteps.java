package io.contractflow.workflow.review;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review's three endings, each a service task that moves the contract: approve, reject, back to draft. */
@Configuration(proxyBeanMethods = false)
class ReviewOutcomeSteps {

  /** "Approve contract": every approver group approved (or none was needed). */
  @Bean
  JavaDelegate approveContract(ContractTransitions transitions) {
    return execution -> move(transitions, execution, ContractStatus.APPROVED, "approved in review");
  }

  /** "Reject contract": an approver rejected it; the lifecycle ends. */
  @Bean
  JavaDelegate rejectContract(ContractTransitions transitions) {
    return execution -> move(transitions, execution, ContractStatus.REJECTED, "rejected in review");
  }

  /** "Return contract to draft": changes were requested, or signing was declined or expired. */
  @Bean
  JavaDelegate returnContractToDraft(ContractTransitions transitions) {
    return execution -> move(transitions, execution, ContractStatus.DRAFT, "returned to drafting");
  }

  private static void move(ContractTransitions transitions, DelegateExecution execution, ContractStatus status,
      String reason) {
    transitions.moveTo(Variables.contractId(execution), status, Variables.SYSTEM, reason);
  }
}
