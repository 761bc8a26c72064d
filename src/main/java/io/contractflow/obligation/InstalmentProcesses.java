package io.contractflow.obligation;

/**
 * The running processes of instalments, as the engine side ({@code workflow.obligation}) offers
 * them to this feature, which does not know the engine.
 */
public interface InstalmentProcesses {

  /**
   * Waives the instalment through its running process (which records the outcome); false when no
   * process of it waits for a waiver.
   */
  boolean waive(Instalment instalment, String by, String reason);
}
