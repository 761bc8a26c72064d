package io.contractflow.signature.vendor.adobesign;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.SignatureProvider.RecipientStatus;
import io.contractflow.signature.SignerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Acrobat Sign's agreement and participant statuses in the platform's status model. */
final class AdobeSignStates {

  private AdobeSignStates() {}

  /**
   * An agreement's {@code status}, given its participants (a cancelled agreement with a rejection
   * was declined).
   */
  static EnvelopeState agreement(String status, List<RecipientStatus> participants) {
    boolean rejected = participants.stream().anyMatch(p -> p.state() == SignerStatus.DECLINED);
    boolean anySigned = participants.stream().anyMatch(p -> p.state() == SignerStatus.SIGNED);
    return switch (status == null ? "" : status.toUpperCase(Locale.ROOT)) {
      case "SIGNED", "APPROVED", "ACCEPTED", "FORM_FILLED", "DELIVERED" -> EnvelopeState.COMPLETED;
      case "CANCELLED" -> rejected ? EnvelopeState.DECLINED : EnvelopeState.VOIDED;
      case "EXPIRED" -> EnvelopeState.EXPIRED;
      case "OUT_FOR_SIGNATURE",
          "OUT_FOR_APPROVAL",
          "OUT_FOR_ACCEPTANCE",
          "OUT_FOR_DELIVERY",
          "OUT_FOR_FORM_FILLING",
          "WAITING_FOR_VERIFICATION",
          "WAITING_FOR_NOTARIZATION",
          "DOCUMENTS_NOT_YET_PROCESSED",
          "AUTHORING",
          "DRAFT",
          "PREFILL" ->
          rejected
              ? EnvelopeState.DECLINED
              : anySigned ? EnvelopeState.PARTIALLY_SIGNED : EnvelopeState.SENT;
      default -> EnvelopeState.ERROR;
    };
  }

  /**
   * The signers of {@code GET /agreements/{id}/members}: one per member of each participant set.
   */
  static List<RecipientStatus> participants(JsonNode members) {
    List<RecipientStatus> list = new ArrayList<>();
    for (JsonNode set : members.path("participantSets")) {
      String status = set.path("status").asText("").toUpperCase(Locale.ROOT);
      SignerStatus state =
          switch (status) {
            case "COMPLETED" -> SignerStatus.SIGNED;
            case "REJECTED" -> SignerStatus.DECLINED;
            default -> SignerStatus.PENDING;
          };
      for (JsonNode member : set.path("memberInfos")) {
        list.add(
            new RecipientStatus(
                null,
                member.path("name").asText(null),
                member.path("email").asText(null),
                state,
                null,
                null));
      }
    }
    return list;
  }
}
