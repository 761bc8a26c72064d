package io.contractflow.contract;

import java.util.UUID;

/**
 * Published inside the transaction that granted, changed or removed a share: who may read the
 * contract changed.
 *
 * @param principalType {@code USER} or {@code GROUP}
 * @param permission what the share allows now ({@code VIEW} or {@code EDIT}); null once removed
 * @param previousPermission what it allowed before; null for a new share
 * @param by who changed it (a user, or {@code system} for the lifecycle's own shares)
 */
public record ContractSharesChanged(
    UUID contractId,
    String principalType,
    String principalId,
    String permission,
    String previousPermission,
    String by) {

  public boolean removed() {
    return permission == null;
  }
}
