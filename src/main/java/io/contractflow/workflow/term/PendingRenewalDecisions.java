package io.contractflow.workflow.term;

import io.contractflow.calendar.RenewalDecisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * The renewal decisions the active terms still wait for: a term ({@code contract-term}, business
 * key the contract's id) waiting for its decision to be due or with the decision task open; the due
 * instant is the one "Plan term" set ({@link TermVariables#RENEWAL_DECISION_AT}).
 */
@Component
class PendingRenewalDecisions implements RenewalDecisions {

  static final String TERM_PROCESS = "contract-term";
  static final String[] WAITING = {"Event_RenewalDecisionDue", "Task_DecideRenewal"};

  /** Contracts asked about in one query, well inside what an SQL in-list allows. */
  private static final int CHUNK = 500;

  private final RuntimeService runtime;

  PendingRenewalDecisions(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public Map<UUID, Instant> pending(Collection<UUID> contractIds, Instant from, Instant to) {
    Set<UUID> asked = new HashSet<>(contractIds);
    Map<String, Instant> dueByInstance = new HashMap<>();
    for (VariableInstance value :
        runtime
            .createVariableInstanceQuery()
            .variableValueGreaterThanOrEqual(TermVariables.RENEWAL_DECISION_AT, Date.from(from))
            .variableValueLessThan(TermVariables.RENEWAL_DECISION_AT, Date.from(to))
            .list()) {
      if (value.getValue() instanceof Date at) {
        dueByInstance.put(value.getProcessInstanceId(), at.toInstant());
      }
    }
    List<String> instances = new ArrayList<>(dueByInstance.keySet());
    Map<UUID, Instant> due = new HashMap<>();
    for (int i = 0; i < instances.size(); i += CHUNK) {
      for (ProcessInstance term :
          runtime
              .createProcessInstanceQuery()
              .processInstanceIds(
                  new HashSet<>(instances.subList(i, Math.min(instances.size(), i + CHUNK))))
              .processDefinitionKey(TERM_PROCESS)
              .activityIdIn(WAITING)
              .list()) {
        UUID contract = contractOf(term.getBusinessKey());
        if (contract != null && asked.contains(contract)) {
          due.put(contract, dueByInstance.get(term.getId()));
        }
      }
    }
    return due;
  }

  private static UUID contractOf(String businessKey) {
    try {
      return businessKey == null ? null : UUID.fromString(businessKey);
    } catch (IllegalArgumentException notAContract) {
      return null;
    }
  }
}
