package io.contractflow.workflow.term;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Variables;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the active term and of its end, each a bean named after its task. */
@Configuration(proxyBeanMethods = false)
class TermSteps {

  /** "Activate contract": signed, so active; and whether it has a fixed term to plan. */
  @Bean
  JavaDelegate activateContract(ContractTransitions transitions) {
    return execution -> {
      ContractResponse contract = transitions.moveTo(Variables.contractId(execution), ContractStatus.ACTIVE,
          Variables.SYSTEM, "signed by all signers");
      execution.setVariable("hasEndDate", contract.endDate() != null);
    };
  }

  /** "Renew contract": one more renewal term, recorded; safe to retry (renews the planned term only once). */
  @Bean
  JavaDelegate renewContract(ContractTransitions transitions, AuditTrail audit) {
    return execution -> {
      LocalDate ending = LocalDate.parse(Variables.string(execution, "termEndsOn"));
      ContractResponse renewed = transitions.renew(Variables.contractId(execution), ending);
      String decision = Variables.string(execution, "renewalDecision");
      audit.record(renewed.id(), Variables.SYSTEM, AuditKinds.RENEWAL,
          "Renewed until " + renewed.endDate() + (decision == null ? " (automatic renewal)" : ""),
          Map.of("previousEndDate", ending.toString(), "startDate", renewed.startDate().toString(),
              "endDate", renewed.endDate().toString(), "automatic", decision == null));
      execution.removeVariable("renewalDecision");
    };
  }

  /** "Record termination notice": the owner gave notice; the contract ends at its end date as TERMINATED. */
  @Bean
  JavaDelegate recordTerminationNotice(AuditTrail audit) {
    return execution -> audit.record(Variables.contractId(execution), Variables.SYSTEM, AuditKinds.TERMINATION_NOTICE,
        "Notice given: the contract terminates at the end of " + Variables.string(execution, "termEndsOn"),
        Map.of("endDate", Variables.string(execution, "termEndsOn")));
  }

  /** "Mark contract expired": the term ran out without renewal. */
  @Bean
  JavaDelegate expireContract(ContractTransitions transitions) {
    return execution -> transitions.moveTo(Variables.contractId(execution), ContractStatus.EXPIRED,
        Variables.SYSTEM, "the term ended without renewal");
  }

  /** "Mark contract terminated": by notice at the end date, or early through the API. */
  @Bean
  JavaDelegate terminateContract(ContractTransitions transitions) {
    return execution -> {
      String by = Variables.string(execution, "terminatedBy");
      String reason = Variables.string(execution, "terminationReason");
      transitions.moveTo(Variables.contractId(execution), ContractStatus.TERMINATED,
          by == null ? Variables.SYSTEM : by, reason == null ? "terminated by notice" : "terminated early: " + reason);
    };
  }
}
