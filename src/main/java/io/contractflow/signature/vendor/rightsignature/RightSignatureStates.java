package io.contractflow.signature.vendor.rightsignature;

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
 * RightSignature's document states (draft, editing, pending, executed, declined, voided, expired)
 * and its recipients' states in the platform's status model. The recipient fields are read
 * leniently (see docs/signing.md's list of what was built from documentation that could not be
 * checked): {@code status} or {@code state}, {@code signed_at}, {@code viewed_at}, {@code
 * declined_at}/{@code decline_reason}.
 */
final class RightSignatureStates {

  private RightSignatureStates() {}

  static EnvelopeState document(String state, List<RecipientStatus> recipients, boolean anyViewed) {
    EnvelopeState mapped =
        switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
          case "draft", "editing", "pending", "sent" -> EnvelopeState.SENT;
          case "executed", "completed", "signed" -> EnvelopeState.COMPLETED;
          case "declined", "rejected" -> EnvelopeState.DECLINED;
          case "voided", "canceled", "cancelled" -> EnvelopeState.VOIDED;
          case "expired" -> EnvelopeState.EXPIRED;
          default -> EnvelopeState.ERROR;
        };
    if (mapped != EnvelopeState.SENT) {
      return mapped;
    }
    if (recipients.stream().anyMatch(r -> r.state() == SignerStatus.SIGNED)) {
      return EnvelopeState.PARTIALLY_SIGNED;
    }
    return anyViewed ? EnvelopeState.VIEWED : EnvelopeState.SENT;
  }

  /** A document's signers (recipients that are not signers, e.g. copied ones, are left out). */
  static List<RecipientStatus> recipients(JsonNode recipients) {
    List<RecipientStatus> list = new ArrayList<>();
    for (JsonNode r : recipients) {
      String type =
          r.path("role_type")
              .asText(r.path("recipient_type").asText("signer"))
              .toLowerCase(Locale.ROOT);
      if (!type.isEmpty() && !type.equals("signer")) {
        continue;
      }
      String status = r.path("status").asText(r.path("state").asText("")).toLowerCase(Locale.ROOT);
      Instant signedAt = time(r.path("signed_at").asText(null));
      SignerStatus state;
      if (status.equals("signed")
          || status.equals("completed")
          || status.equals("executed")
          || signedAt != null) {
        state = SignerStatus.SIGNED;
      } else if (status.equals("declined")
          || status.equals("rejected")
          || r.hasNonNull("declined_at")) {
        state = SignerStatus.DECLINED;
      } else {
        state = SignerStatus.PENDING;
      }
      list.add(
          new RecipientStatus(
              null,
              r.path("name").asText(null),
              r.path("email").asText(null),
              state,
              signedAt,
              r.path("decline_reason").asText(r.path("declined_reason").asText(null))));
    }
    return list;
  }

  static boolean anyViewed(JsonNode recipients) {
    for (JsonNode r : recipients) {
      if (r.hasNonNull("viewed_at") || "viewed".equalsIgnoreCase(r.path("status").asText(""))) {
        return true;
      }
    }
    return false;
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
