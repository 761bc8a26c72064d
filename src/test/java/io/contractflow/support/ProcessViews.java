package io.contractflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Where a contract's lifecycle stands, read from the API's views of it ({@code GET
 * /api/contracts/{id}/process} and {@code /signing}): for tests and benchmarks that drive contracts
 * over HTTP and wait for the next step.
 */
public final class ProcessViews {

  /** The term phase's timers a running contract waits at once it is active. */
  public static final Set<String> TERM_TIMERS = Set.of("Renewal decision due", "End date reached");

  private ProcessViews() {}

  /** The process waits at its review tasks. */
  public static boolean hasReviewTasks(JsonNode process) {
    JsonNode tasks = process.get("openTasks");
    return tasks.size() > 0 && tasks.get(0).get("key").asText().equals("Task_ReviewContract");
  }

  /**
   * Some signer's turn has come and they have not signed: their link is in their mail ({@link
   * SignerMail}).
   */
  public static boolean hasOpenTurn(JsonNode signing) {
    for (JsonNode signer : signing.get("signers")) {
      if (signer.get("turn").asBoolean() && signer.get("status").asText().equals("PENDING")) {
        return true;
      }
    }
    return false;
  }

  /** The contract is active: the process waits at a term timer. */
  public static boolean waitsAtTermTimer(JsonNode process) {
    for (JsonNode step : process.get("waitingAt")) {
      if (TERM_TIMERS.contains(step.asText())) {
        return true;
      }
    }
    return false;
  }
}
