package io.contractflow.signature;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How signers learn of their link: the built-in signer invites each signer when their turn opens (everyone at once
 * in PARALLEL mode, step by step in SEQUENTIAL mode). {@link RecordedSignerInvitations} records each invitation so
 * the contract's owner can forward the link; the notification feature's {@code MailedSignerInvitations} (the
 * primary bean) decorates it and also mails the link to the signer.
 */
public interface SignerInvitations {

  /** Hands the invitation to the signer (or records it). Joins the signing transaction. */
  void invite(Invitation invitation);

  /** The link last handed to this signer, if this implementation keeps it (for owners to forward). */
  default Optional<URI> lastLink(UUID signerId) {
    return Optional.empty();
  }

  /** One invitation: to whom, for which contract, the link and until when it works. */
  record Invitation(UUID requestId, UUID signerId, UUID contractId, String contractReference, String contractTitle,
      String signerName, String signerEmail, URI link, Instant expiresAt) {

    /** The link is a credential: it stays out of logs and exception messages. */
    @Override
    public String toString() {
      return "Invitation[request=" + requestId + ", signer=" + signerId + ", contract=" + contractReference + "]";
    }
  }
}
