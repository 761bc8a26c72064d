package io.contractflow.signature;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * How signers learn of their link and their one-time code: the built-in signer invites each signer
 * when their turn opens (everyone at once in PARALLEL mode, step by step in SEQUENTIAL mode) and
 * mails a code when they ask for one on their page. {@link RecordedSignerInvitations} records each
 * invitation (who and when, never the link); the notification feature's {@code
 * MailedSignerInvitations} (the primary bean) decorates it and mails link and code to the signer's
 * address. Nobody else ever sees a link or a code.
 */
public interface SignerInvitations {

  /** Hands the invitation to the signer (or records it). Joins the signing transaction. */
  void invite(Invitation invitation);

  /**
   * Hands a new link to the signer after the owner or an admin asked for it (the old link no longer
   * works). Joins the transaction; by default the same as an invitation.
   */
  default void reinvite(Invitation invitation) {
    invite(invitation);
  }

  /** Hands a one-time code to the signer's address. Joins the transaction that issued it. */
  void sendCode(Code code);

  /** One invitation: to whom, for which contract, the link and until when it works. */
  record Invitation(
      UUID requestId,
      UUID signerId,
      UUID contractId,
      String contractReference,
      String contractTitle,
      String signerName,
      String signerEmail,
      URI link,
      Instant expiresAt) {

    /** The link is a credential: it stays out of logs and exception messages. */
    @Override
    public String toString() {
      return "Invitation[request="
          + requestId
          + ", signer="
          + signerId
          + ", contract="
          + contractReference
          + "]";
    }
  }

  /**
   * One one-time code for a signer: to whom, for which contract, the code and until when it works.
   *
   * @param codeId unique per code (a mail's dedupe key)
   */
  record Code(
      UUID codeId,
      UUID requestId,
      UUID signerId,
      UUID contractId,
      String contractReference,
      String contractTitle,
      String signerName,
      String signerEmail,
      String code,
      Instant expiresAt) {

    /** The code is a credential: it stays out of logs and exception messages. */
    @Override
    public String toString() {
      return "Code[request="
          + requestId
          + ", signer="
          + signerId
          + ", contract="
          + contractReference
          + "]";
    }
  }
}
