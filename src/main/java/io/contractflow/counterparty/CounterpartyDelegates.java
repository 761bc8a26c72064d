package io.contractflow.counterparty;

import io.contractflow.identity.CurrentUser;
import java.util.UUID;

/**
 * Whom a counterparty's owner lets correct it besides themselves: those to whom one of the owner's
 * contracts that names it is shared to edit (directly or through a group). Naming a counterparty in
 * a contract of one's own gives no right to it, as anyone may name any counterparty. The contract
 * feature answers, as it knows the shares.
 */
public interface CounterpartyDelegates {

  /**
   * Whether a contract of {@code owner} that names the counterparty is shared with the user to
   * edit.
   */
  boolean editsForOwner(CurrentUser user, UUID counterpartyId, String owner);
}
