package io.contractflow.signature;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner (or an admin) has a signer's link sent again, for example when the invitation mail got
 * lost: the signer gets a new link at the address fixed when the request was sent, the old link
 * stops working, and neither the owner nor anybody else sees the new one. Only for the built-in
 * signer (vendors remind their signers themselves), only while the request is open and it is that
 * signer's turn. Recorded in the contract's audit trail ({@link SignerLinkReissued}) and in the
 * signing request's own trail.
 */
@Service
class SignerLinkResend {

  private static final Logger log = LoggerFactory.getLogger(SignerLinkResend.class);

  private final ContractGuard contracts;
  private final SigningRequestRepository requests;
  private final SignerRepository signers;
  private final BuiltInSignatureProvider builtIn;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SignerLinkResend(
      ContractGuard contracts,
      SigningRequestRepository requests,
      SignerRepository signers,
      BuiltInSignatureProvider builtIn,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.requests = requests;
    this.signers = signers;
    this.builtIn = builtIn;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  SigningView resend(CurrentUser user, UUID contractId, UUID signerId) {
    ContractResponse contract = contracts.view(user, contractId);
    if (!SigningAccess.isManager(user, contract)) {
      throw new NotPermittedException(
          "Only the contract's owner or a contract admin has a signer's link sent again");
    }
    Signer found =
        signers.findById(signerId).orElseThrow(() -> NotFoundException.of("Signer", signerId));
    SigningRequest request =
        requests
            .lock(found.getRequestId())
            .filter(r -> r.getContractId().equals(contractId))
            .orElseThrow(() -> NotFoundException.of("Signer", signerId));
    if (!BuiltInSignatureProvider.NAME.equals(request.getProvider())) {
      throw new ConflictException(
          "This request is signed at "
              + request.getProvider()
              + ", which sends its own reminders; only the built-in signer's links can be sent again");
    }
    if (request.getStatus() != SigningStatus.OPEN || request.isExpiredAt(clock.instant())) {
      throw new ConflictException(
          "The signing request is no longer open; there is no link to send");
    }
    List<Signer> all = signers.findByRequestIdOrderByPosition(request.getId());
    Signer signer =
        all.stream()
            .filter(s -> s.getId().equals(signerId))
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("Signer", signerId));
    if (signer.getStatus() != SignerStatus.PENDING) {
      throw new ConflictException(
          signer.getName()
              + " has "
              + signer.getStatus().name().toLowerCase()
              + " already; there is no link to send");
    }
    if (!SigningTurns.isTurn(request.getMode(), signer, all) || signer.getInvitedAt() == null) {
      throw new ConflictException(
          "It is not " + signer.getName() + "'s turn yet; they get their link when it comes");
    }
    builtIn.reissue(request, signer, user.username());
    events.publishEvent(
        new SignerLinkReissued(contractId, request.getId(), signer.getName(), user.username()));
    log.info(
        "{} had the signing link of signer {} of {} sent again",
        user.username(),
        signer.getId(),
        request.getContractReference());
    return SigningView.of(request, all, clock.instant());
  }
}
