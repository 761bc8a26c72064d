package io.contractflow.signature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fallback for a webhook that never arrives: reads the status of every open request at a vendor
 * and applies it like a webhook's ({@link ProviderUpdates}). A vendor that cannot be reached is
 * tried again at the next poll; the request stays as it was. Scheduled by {@link
 * VendorPollingSchedule}.
 */
@Component
public class VendorStatusPoller {

  private static final Logger log = LoggerFactory.getLogger(VendorStatusPoller.class);

  private final SigningRequestRepository requests;
  private final SignatureProviders providers;
  private final ProviderUpdates updates;

  VendorStatusPoller(
      SigningRequestRepository requests, SignatureProviders providers, ProviderUpdates updates) {
    this.requests = requests;
    this.providers = providers;
    this.updates = updates;
  }

  /**
   * Polls every open vendor request once (no database lock is held while a vendor answers); how
   * many changed.
   */
  public int pollOnce() {
    int changed = 0;
    for (SigningRequest request : requests.findOpenAtVendors(BuiltInSignatureProvider.NAME)) {
      try {
        SignatureProvider.EnvelopeStatus status =
            providers.get(request.getProvider()).status(request.getEnvelopeId());
        if (updates.apply(request.getProvider(), status) == ProviderUpdates.Outcome.APPLIED) {
          changed++;
        }
      } catch (RuntimeException e) {
        log.warn(
            "Could not poll {} for envelope {} (signing request {}); trying again at the next poll: {}",
            request.getProvider(),
            request.getEnvelopeId(),
            request.getId(),
            e.toString());
      }
    }
    return changed;
  }
}
