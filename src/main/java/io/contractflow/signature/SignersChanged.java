package io.contractflow.signature;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that set a contract's signers: who was to sign before (the
 * counterparty's contact while none were set) and who is to sign now.
 */
public record SignersChanged(UUID contractId, String by, Signers before, Signers after) {

  /**
   * One set of signers.
   *
   * @param signers each as {@code Name <email>, order n}
   * @param configured false for the counterparty's contact, signing while no signers are set
   */
  public record Signers(String mode, String provider, List<String> signers, boolean configured) {}
}
