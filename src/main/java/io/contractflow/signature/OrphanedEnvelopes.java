package io.contractflow.signature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A vendor accepts an envelope before the platform's transaction that records it commits. If that
 * transaction then rolls back (the step fails after the send and its job is retried), the vendor's
 * envelope is orphaned: its signers were invited, but no request of ours knows it, and the retried
 * step sends another. This voids such an envelope at the vendor right after the rollback, so
 * signers are left with one envelope to sign. Best effort: the void runs outside any transaction
 * with the vendor's own timeouts, and a void that fails is logged as an error naming the envelope,
 * for an operator to void it at the vendor.
 */
@Component
class OrphanedEnvelopes {

  private static final Logger log = LoggerFactory.getLogger(OrphanedEnvelopes.class);

  static final String REASON = "Sent in error: the sending step failed and is retried";

  /**
   * Registers the void of the envelope just sent, for the case that the current transaction rolls
   * back.
   */
  void voidIfRolledBack(SignatureProvider provider, String envelopeId, String contractReference) {
    if (!provider.remote() || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            // STATUS_UNKNOWN may have committed: voiding then could void the live envelope, so only
            // a known rollback
            if (status == STATUS_ROLLED_BACK) {
              voidOrphan(provider, envelopeId, contractReference);
            }
          }
        });
  }

  private static void voidOrphan(
      SignatureProvider provider, String envelopeId, String contractReference) {
    try {
      provider.cancel(envelopeId, REASON);
      log.warn(
          "The send of {} rolled back after {} had accepted envelope {}: voided it there",
          contractReference,
          provider.name(),
          envelopeId);
    } catch (RuntimeException e) {
      log.error(
          "The send of {} rolled back after {} had accepted envelope {}, and voiding it failed: void it at {} "
              + "by hand ({})",
          contractReference,
          provider.name(),
          envelopeId,
          provider.name(),
          e.toString());
    }
  }
}
