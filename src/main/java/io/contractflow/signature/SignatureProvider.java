package io.contractflow.signature;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who collects the signatures of a signing request: the built-in signer ({@link
 * BuiltInSignatureProvider}) or, later, a vendor (DocuSign, Adobe Sign, PandaDoc, RightSignature)
 * reached over its REST API and webhooks. The shape follows what those vendors call an envelope or
 * agreement: one PDF, ordered recipients, an expiry; the provider answers with its own id for it,
 * reports its status, can void it, and hands back the completed signed PDF and its audit trail.
 * {@link SigningService} keeps the platform's own record of every request, whichever provider runs
 * it.
 */
public interface SignatureProvider {

  /**
   * The provider's stable name, stored with each request (e.g. {@code built-in}, {@code docusign}).
   */
  String name();

  /**
   * Sends the envelope to its signers; returns the provider's id for it. A vendor that prepares the
   * envelope on its own time (PandaDoc, RightSignature) returns as soon as it has the document,
   * with an id that {@link #finishSending} completes later; it never waits for the vendor.
   */
  String send(Envelope envelope);

  /**
   * Completes a send the vendor was still preparing: the envelope's id once it is sent (the same
   * id, or the one the vendor gave it meanwhile), or empty while the vendor is still processing the
   * document, to be asked again later (the process's "Finish sending" step looks again at a timer;
   * no thread waits). Safe to call again for a sent envelope. Providers whose {@link #send} is
   * complete when it returns (the default) answer the id at once.
   */
  default Optional<String> finishSending(String envelopeId) {
    return Optional.of(envelopeId);
  }

  /**
   * Whether the envelope lives outside the platform's database (a vendor), so that a send whose
   * transaction rolls back leaves it behind at the provider ({@link OrphanedEnvelopes} voids it
   * then). The built-in signer's envelope is a row of the same transaction: it says {@code false}.
   */
  default boolean remote() {
    return true;
  }

  /** Where the envelope stands at the provider. */
  EnvelopeStatus status(String envelopeId);

  /** Voids the envelope: no one can sign it any more. Voiding a closed envelope changes nothing. */
  void cancel(String envelopeId, String reason);

  /** The completed, signed PDF, once every signer has signed. */
  byte[] signedDocument(String envelopeId);

  /**
   * The provider's certificate of completion (audit trail) as a PDF of its own, stored as a
   * document version beside the signed PDF; {@code null} when the provider puts it into the signed
   * PDF (the built-in signer does).
   */
  default byte[] certificate(String envelopeId) {
    return null;
  }

  /** What happened to the envelope, oldest first. */
  List<AuditEntry> auditTrail(String envelopeId);

  /**
   * What to have signed.
   *
   * @param requestId the platform's id of the signing request (vendors keep it as metadata to
   *     correlate webhooks)
   * @param documentName the PDF's file name
   * @param pdf the PDF to sign
   */
  record Envelope(
      UUID requestId,
      UUID contractId,
      String contractReference,
      String contractTitle,
      String documentName,
      byte[] pdf,
      SigningMode mode,
      List<Recipient> recipients,
      Instant expiresAt) {}

  /**
   * A signer; {@code signerId} is the platform's id, {@code order} their step in a sequential
   * envelope.
   */
  record Recipient(UUID signerId, String name, String email, int order) {}

  /** An envelope's state and each recipient's. */
  record EnvelopeStatus(String envelopeId, EnvelopeState state, List<RecipientStatus> recipients) {}

  /**
   * Where an envelope stands: the one status model every vendor's vocabulary is mapped onto. SENT,
   * VIEWED and PARTIALLY_SIGNED only ever move forward; COMPLETED, DECLINED, EXPIRED and VOIDED are
   * final; ERROR is a vendor's report of a failure that changes nothing by itself.
   */
  enum EnvelopeState {
    SENT(1),
    VIEWED(2),
    PARTIALLY_SIGNED(3),
    COMPLETED(9),
    DECLINED(9),
    EXPIRED(9),
    VOIDED(9),
    ERROR(0);

    private final int rank;

    EnvelopeState(int rank) {
      this.rank = rank;
    }

    /** Final: nothing follows. */
    public boolean isFinal() {
      return rank == 9;
    }

    /**
     * Whether an envelope at {@code current} may move to this state (an older or equal report never
     * does).
     */
    public boolean isAfter(EnvelopeState current) {
      return current == null ? rank > 0 : !current.isFinal() && rank > current.rank;
    }
  }

  /** One recipient: their state, when they signed, why they declined. */
  record RecipientStatus(
      UUID signerId,
      String name,
      String email,
      SignerStatus state,
      Instant signedAt,
      String declineReason) {}

  /** One event of the audit trail. */
  record AuditEntry(Instant at, String actor, String action, String detail) {}
}
