package io.contractflow.workflow.signing;

import io.contractflow.workflow.NotInModels;
import io.contractflow.workflow.ValuesOf;

/**
 * The names the signing phase ({@code processes/contract-signing.bpmn}) and its Java share: the one
 * place for them.
 */
public final class SigningVariables {

  /** The signers' messages the phase waits for. */
  public static final String MESSAGE_COMPLETED = "SigningCompleted";

  public static final String MESSAGE_DECLINED = "SigningDeclined";

  /**
   * The signing request the phase waits for; the signers' messages reach only the process holding
   * its id.
   */
  @NotInModels("the messages are correlated on it (SigningMessages)")
  public static final String REQUEST_ID = "signingRequestId";

  /** When the request's links expire: the phase's timer. */
  public static final String EXPIRES_AT = "signingExpiresAt";

  @NotInModels("makes sealing safe to retry")
  public static final String SIGNED_DOCUMENT_VERSION_ID = "signedDocumentVersionId";

  @NotInModels("set with the SigningDeclined message, for Cockpit")
  public static final String DECLINED_BY = "declinedBy";

  @NotInModels("set with the SigningDeclined message, for Cockpit")
  public static final String DECLINE_REASON = "declineReason";

  /** How signing ended, for the lifecycle to route on. */
  @ValuesOf(SigningOutcome.class)
  public static final String OUTCOME = "signingOutcome";

  /**
   * Whether the vendor has the envelope out (false while it is still processing the document): the
   * gateway.
   */
  public static final String SENT = "signingSent";

  /**
   * When the model's timer looks again at a vendor still processing the document (an ISO-8601
   * duration).
   */
  public static final String RECHECK_IN = "signingRecheckIn";

  @NotInModels("counts the looks at a vendor still processing, so the waits grow (FinishSending)")
  public static final String SEND_CHECKS = "signingSendChecks";

  private SigningVariables() {}
}
