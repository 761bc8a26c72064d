package io.contractflow.signature.vendor.docusign;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.SignatureProvider.RecipientStatus;
import io.contractflow.signature.SignerStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DocuSign's envelope and recipient statuses and Connect events, in the platform's status model.
 */
final class DocuSignStates {

  private DocuSignStates() {}

  /**
   * An envelope's {@code status}; {@code anySigned}: a signer has completed while others have not.
   */
  static EnvelopeState envelope(String status, String voidedReason, boolean anySigned) {
    EnvelopeState state =
        switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
          case "created", "sent", "correct" -> EnvelopeState.SENT;
          case "delivered" -> EnvelopeState.VIEWED;
          case "signed" -> EnvelopeState.PARTIALLY_SIGNED;
          case "completed" -> EnvelopeState.COMPLETED;
          case "declined" -> EnvelopeState.DECLINED;
          case "voided", "deleted" ->
              voidedReason != null && voidedReason.toLowerCase(Locale.ROOT).contains("expired")
                  ? EnvelopeState.EXPIRED
                  : EnvelopeState.VOIDED;
          case "timedout" -> EnvelopeState.EXPIRED;
          default -> EnvelopeState.ERROR;
        };
    return anySigned && (state == EnvelopeState.SENT || state == EnvelopeState.VIEWED)
        ? EnvelopeState.PARTIALLY_SIGNED
        : state;
  }

  /** A Connect (JSON SIM) event name. */
  static EnvelopeState event(String event) {
    return switch (event == null ? "" : event) {
      case "envelope-sent",
          "envelope-resent",
          "envelope-created",
          "recipient-sent",
          "recipient-resent" ->
          EnvelopeState.SENT;
      case "envelope-delivered", "recipient-delivered" -> EnvelopeState.VIEWED;
      case "recipient-completed", "recipient-signed" -> EnvelopeState.PARTIALLY_SIGNED;
      case "envelope-completed" -> EnvelopeState.COMPLETED;
      case "envelope-declined", "recipient-declined" -> EnvelopeState.DECLINED;
      case "envelope-voided", "envelope-deleted" -> EnvelopeState.VOIDED;
      default -> EnvelopeState.ERROR;
    };
  }

  /** The {@code signers} of an envelope's {@code recipients}. */
  static List<RecipientStatus> signers(JsonNode recipients) {
    List<RecipientStatus> list = new ArrayList<>();
    for (JsonNode signer : recipients.path("signers")) {
      String status = signer.path("status").asText("").toLowerCase(Locale.ROOT);
      SignerStatus state =
          switch (status) {
            case "completed", "signed" -> SignerStatus.SIGNED;
            case "declined" -> SignerStatus.DECLINED;
            default -> SignerStatus.PENDING;
          };
      list.add(
          new RecipientStatus(
              null,
              signer.path("name").asText(null),
              signer.path("email").asText(null),
              state,
              time(signer.path("signedDateTime").asText(null)),
              signer.path("declinedReason").asText(null)));
    }
    return list;
  }

  static Instant time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
