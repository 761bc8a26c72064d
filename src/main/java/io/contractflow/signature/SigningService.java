package io.contractflow.signature;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.document.DocumentService;
import io.contractflow.document.DocumentType;
import io.contractflow.document.DocumentVersionResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing for the lifecycle process: the BPMN delegates call these steps, each joining the caller's
 * transaction so a step commits with the process state or not at all. There is no caller to check:
 * the process is the caller. Every step is safe to retry — sending finds the open request, expiring
 * or cancelling a closed one changes nothing, sealing a sealed one returns the stored version.
 */
@Service
public class SigningService {

  private static final Logger log = LoggerFactory.getLogger(SigningService.class);

  /** Who stores the sealed version. */
  static final String SEAL_ACTOR = "contractflow-seal";

  private final SigningRequestRepository requests;
  private final SignerRepository signers;
  private final SignerPlans plans;
  private final ContractTransitions contracts;
  private final DocumentService documents;
  private final SignatureProviders providers;
  private final SigningProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final OrphanedEnvelopes orphans;

  SigningService(
      SigningRequestRepository requests,
      SignerRepository signers,
      SignerPlans plans,
      ContractTransitions contracts,
      DocumentService documents,
      SignatureProviders providers,
      SigningProperties properties,
      Clock clock,
      ApplicationEventPublisher events,
      OrphanedEnvelopes orphans) {
    this.events = events;
    this.orphans = orphans;
    this.requests = requests;
    this.signers = signers;
    this.plans = plans;
    this.contracts = contracts;
    this.documents = documents;
    this.providers = providers;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Sends the contract's PDF for signing — the current version if it is a PDF, else the newest PDF
   * version — to its signers (see {@code PUT /api/contracts/{id}/signers}; by default the
   * counterparty's contact) and returns the request's id. If an open request exists for the
   * contract already (a retried job), returns that one; one past its expiry is marked expired first
   * and a new one is sent.
   *
   * @throws SigningNotPossibleException if the contract has no PDF or no signer can be found
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public UUID send(UUID contractId, String actor) {
    Optional<SigningRequest> open = requests.findOpen(contractId);
    if (open.isPresent()) {
      if (!open.get().isExpiredAt(clock.instant())) {
        log.info(
            "Contract {} already has the open signing request {}; not sending another",
            contractId,
            open.get().getId());
        return open.get().getId();
      }
      expire(open.get().getId());
    }
    ContractResponse contract = contracts.current(contractId);
    DocumentVersionResponse pdf =
        documents
            .currentPdf(contractId)
            .orElseThrow(
                () ->
                    new SigningNotPossibleException(
                        "Contract "
                            + contract.reference()
                            + " has no PDF version to sign; upload or generate a PDF first"));
    SignerPlans.Plan plan = plans.planFor(contract);
    SignatureProvider provider =
        providers.get(plan.provider() == null ? providers.defaultName() : plan.provider());
    Instant now = clock.instant();
    SigningRequest request =
        new SigningRequest(
            UUID.randomUUID(),
            contractId,
            contract.reference(),
            contract.title(),
            provider.name(),
            plan.mode(),
            pdf.id(),
            pdf.fileName(),
            pdf.sha256(),
            actor,
            now,
            now.plus(properties.linkValidity()));
    requests.saveAndFlush(request);
    List<Signer> created = new ArrayList<>();
    List<SignatureProvider.Recipient> recipients = new ArrayList<>();
    for (int i = 0; i < plan.signers().size(); i++) {
      SignerPlans.Planned planned = plan.signers().get(i);
      Signer signer =
          new Signer(
              UUID.randomUUID(),
              request.getId(),
              i,
              planned.order(),
              planned.name(),
              planned.email());
      created.add(signer);
      recipients.add(
          new SignatureProvider.Recipient(
              signer.getId(), signer.getName(), signer.getEmail(), signer.getOrder()));
    }
    signers.saveAllAndFlush(created);
    String envelopeId =
        provider.send(
            new SignatureProvider.Envelope(
                request.getId(),
                contractId,
                contract.reference(),
                contract.title(),
                pdf.fileName(),
                documents.systemContent(pdf.id()),
                plan.mode(),
                recipients,
                request.getExpiresAt()));
    orphans.voidIfRolledBack(provider, envelopeId, contract.reference());
    request.sentAs(envelopeId);
    requests.saveAndFlush(request);
    log.info(
        "Sent {} (version {}) for signing to {} signer(s), {} mode, through {} (envelope {}), request {}, expires {}",
        contract.reference(),
        pdf.version(),
        created.size(),
        plan.mode(),
        provider.name(),
        envelopeId,
        request.getId(),
        request.getExpiresAt());
    return request.getId();
  }

  /**
   * Completes the send of an open request whose vendor prepares the envelope on its own time
   * (PandaDoc processes the upload before it can be sent; RightSignature names its document only
   * once it has made it). Answers whether the envelope is sent: true at once for a provider whose
   * send was complete (and for a request closed meanwhile), false while the vendor is still
   * processing, for the process to ask again later. Never waits for the vendor.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public boolean finishSending(UUID requestId) {
    SigningRequest request =
        requests
            .lock(requestId)
            .orElseThrow(() -> new IllegalArgumentException("No signing request " + requestId));
    if (request.getStatus() != SigningStatus.OPEN || request.getEnvelopeId() == null) {
      return true;
    }
    SignatureProvider provider = provider(request);
    Optional<String> envelopeId = provider.finishSending(request.getEnvelopeId());
    if (envelopeId.isEmpty()) {
      log.info(
          "{} is still processing {} ({}); the signing process looks again later",
          provider.name(),
          request.getContractReference(),
          request.getEnvelopeId());
      return false;
    }
    if (!envelopeId.get().equals(request.getEnvelopeId())) {
      request.sentAs(envelopeId.get());
      requests.saveAndFlush(request);
      log.info(
          "{} named envelope {} for signing request {} of {}",
          provider.name(),
          envelopeId.get(),
          requestId,
          request.getContractReference());
    }
    return true;
  }

  /** When the request expires: the process's timer date. */
  @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
  public Instant expiresAt(UUID requestId) {
    return find(requestId).getExpiresAt();
  }

  /**
   * Marks an open request and its pending signers EXPIRED: their links answer 410 Gone. Closed ones
   * stay as they are.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void expire(UUID requestId) {
    close(requestId, SigningStatus.EXPIRED, SignerStatus.EXPIRED, "Expired");
  }

  /**
   * Cancels an open request (e.g. the contract was cancelled): its links answer 410 Gone. Closed
   * ones stay.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void cancel(UUID requestId, String reason) {
    SigningRequest request =
        close(
            requestId,
            SigningStatus.CANCELLED,
            SignerStatus.CANCELLED,
            reason == null || reason.isBlank() ? "Cancelled" : reason);
    if (request.getStatus() == SigningStatus.CANCELLED && request.getEnvelopeId() != null) {
      provider(request).cancel(request.getEnvelopeId(), request.getCloseReason());
    }
  }

  /**
   * Seals a completed request: the signed PDF (for the built-in signer, the original with a
   * certificate of completion and the platform's PAdES seal) becomes the contract's new current
   * document version, named {@code <reference>-signed.pdf}. Returns its version id; a request
   * sealed before returns the stored one.
   *
   * @throws SigningNotPossibleException if not everyone has signed
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public UUID seal(UUID requestId) {
    SigningRequest request =
        requests
            .lock(requestId)
            .orElseThrow(() -> new IllegalArgumentException("No signing request " + requestId));
    if (request.getSealedVersionId() != null) {
      return request.getSealedVersionId();
    }
    if (request.getStatus() != SigningStatus.COMPLETED) {
      throw new SigningNotPossibleException(
          "Signing request "
              + requestId
              + " is "
              + request.getStatus()
              + "; it can be sealed when every signer has signed");
    }
    SignatureProvider provider = provider(request);
    byte[] certificate = provider.certificate(request.getEnvelopeId());
    byte[] signed = provider.signedDocument(request.getEnvelopeId());
    if (certificate != null) {
      documents.storeSystemVersion(
          request.getContractId(),
          request.getContractReference() + "-certificate.pdf",
          DocumentType.PDF,
          certificate,
          SEAL_ACTOR);
    }
    DocumentVersionResponse version =
        documents.storeSystemVersion(
            request.getContractId(),
            request.getContractReference() + "-signed.pdf",
            DocumentType.PDF,
            signed,
            SEAL_ACTOR);
    request.sealedAs(version.id(), clock.instant());
    requests.saveAndFlush(request);
    log.info(
        "Sealed {} (signing request {}) as document version {}",
        request.getContractReference(),
        requestId,
        version.version());
    return version.id();
  }

  /** The request and its signers, without links. */
  @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
  public SigningView status(UUID requestId) {
    SigningRequest request = find(requestId);
    return SigningView.of(
        request, signers.findByRequestIdOrderByPosition(requestId), clock.instant());
  }

  /** The contract's newest request, if it has one. */
  @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
  public Optional<SigningView> latest(UUID contractId) {
    return requests
        .findFirstByContractIdOrderByCreatedAtDesc(contractId)
        .map(
            r ->
                SigningView.of(
                    r, signers.findByRequestIdOrderByPosition(r.getId()), clock.instant()));
  }

  /** The audit trail of a request, as its provider keeps it. */
  @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
  public List<SignatureProvider.AuditEntry> auditTrail(UUID requestId) {
    SigningRequest request = find(requestId);
    return request.getEnvelopeId() == null
        ? List.of()
        : provider(request).auditTrail(request.getEnvelopeId());
  }

  private SigningRequest close(
      UUID requestId, SigningStatus how, SignerStatus signerStatus, String reason) {
    SigningRequest request =
        requests
            .lock(requestId)
            .orElseThrow(() -> new IllegalArgumentException("No signing request " + requestId));
    if (request.getStatus() != SigningStatus.OPEN) {
      return request;
    }
    request.close(how, truncate(reason, 1000), clock.instant());
    List<Signer> all = signers.findByRequestIdOrderByPosition(requestId);
    all.forEach(s -> s.closeIfPending(signerStatus));
    signers.saveAll(all);
    requests.saveAndFlush(request);
    events.publishEvent(
        new SigningWithdrawn(request.getContractId(), requestId, how, request.getCloseReason()));
    log.info(
        "Signing request {} of {} {}: {}", requestId, request.getContractReference(), how, reason);
    return request;
  }

  private SigningRequest find(UUID requestId) {
    return requests
        .findById(requestId)
        .orElseThrow(() -> new IllegalArgumentException("No signing request " + requestId));
  }

  private SignatureProvider provider(SigningRequest request) {
    return providers.get(request.getProvider());
  }

  static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
