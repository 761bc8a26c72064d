package io.contractflow.contract;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a contract stands in its lifecycle. Clients never set it: only lifecycle transitions move
 * it, and only along the edges below.
 */
public enum ContractStatus {
  DRAFT,
  IN_REVIEW,
  APPROVED,
  REJECTED,
  SIGNING,
  ACTIVE,
  EXPIRED,
  TERMINATED,
  CANCELLED;

  private static final Map<ContractStatus, Set<ContractStatus>> NEXT =
      Map.of(
          DRAFT, EnumSet.of(IN_REVIEW, CANCELLED),
          IN_REVIEW, EnumSet.of(DRAFT, APPROVED, REJECTED, CANCELLED),
          APPROVED, EnumSet.of(SIGNING, CANCELLED),
          REJECTED, EnumSet.noneOf(ContractStatus.class),
          SIGNING, EnumSet.of(ACTIVE, DRAFT, CANCELLED),
          ACTIVE, EnumSet.of(EXPIRED, TERMINATED, IN_REVIEW),
          EXPIRED, EnumSet.noneOf(ContractStatus.class),
          TERMINATED, EnumSet.noneOf(ContractStatus.class),
          CANCELLED, EnumSet.noneOf(ContractStatus.class));

  public boolean canMoveTo(ContractStatus next) {
    return NEXT.get(this).contains(next);
  }

  /**
   * An ended contract (rejected, expired, terminated, cancelled) moves nowhere any more; the others
   * are live.
   */
  public boolean isEnded() {
    return NEXT.get(this).isEmpty();
  }

  /** Only drafts can be edited; later phases change a contract through their own steps. */
  public boolean isEditable() {
    return this == DRAFT;
  }
}
