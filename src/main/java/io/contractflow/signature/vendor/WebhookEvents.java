package io.contractflow.signature.vendor;

import io.contractflow.signature.ProviderUpdates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Applies one verified event in one transaction: recorded in the inbox and applied together. A
 * duplicate changes nothing; an event about an envelope no request has yet (it arrived before the
 * send committed) is not recorded, so the vendor's redelivery or the poll applies it later.
 */
@Service
class WebhookEvents {

  /** What came of an event. */
  enum Result {
    APPLIED,
    UNCHANGED,
    DUPLICATE,
    UNKNOWN
  }

  private final EsignEventInbox inbox;
  private final ProviderUpdates updates;

  WebhookEvents(EsignEventInbox inbox, ProviderUpdates updates) {
    this.inbox = inbox;
    this.updates = updates;
  }

  @Transactional
  Result apply(String provider, VendorEvent event) {
    if (!inbox.firstArrival(provider, event)) {
      return Result.DUPLICATE;
    }
    return switch (updates.apply(provider, event.status())) {
      case APPLIED -> Result.APPLIED;
      case UNCHANGED -> Result.UNCHANGED;
      case UNKNOWN -> {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        yield Result.UNKNOWN;
      }
    };
  }
}
