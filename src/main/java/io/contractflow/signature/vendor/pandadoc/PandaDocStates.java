package io.contractflow.signature.vendor.pandadoc;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.SignatureProvider.RecipientStatus;
import io.contractflow.signature.SignerStatus;
import java.util.ArrayList;
import java.util.List;

/** PandaDoc's document statuses in the platform's status model. */
final class PandaDocStates {

  private PandaDocStates() {}

  static EnvelopeState document(String status, List<RecipientStatus> recipients) {
    boolean anySigned = recipients.stream().anyMatch(r -> r.state() == SignerStatus.SIGNED);
    EnvelopeState state =
        switch (status == null ? "" : status) {
          case "document.uploaded",
              "document.draft",
              "document.sent",
              "document.waiting_approval",
              "document.approved",
              "document.waiting_pay" ->
              EnvelopeState.SENT;
          case "document.viewed" -> EnvelopeState.VIEWED;
          case "document.completed", "document.paid" -> EnvelopeState.COMPLETED;
          case "document.declined", "document.rejected" -> EnvelopeState.DECLINED;
          // PandaDoc calls an expired document "voided" (status code 11)
          case "document.voided" -> EnvelopeState.EXPIRED;
          case "document.cancelled", "document.deleted" -> EnvelopeState.VOIDED;
          default -> EnvelopeState.ERROR;
        };
    return anySigned && (state == EnvelopeState.SENT || state == EnvelopeState.VIEWED)
        ? EnvelopeState.PARTIALLY_SIGNED
        : state;
  }

  /** A document's {@code recipients}: {@code has_completed} means signed. */
  static List<RecipientStatus> recipients(JsonNode recipients) {
    List<RecipientStatus> list = new ArrayList<>();
    for (JsonNode r : recipients) {
      String name =
          (r.path("first_name").asText("") + " " + r.path("last_name").asText("")).strip();
      list.add(
          new RecipientStatus(
              null,
              name,
              r.path("email").asText(null),
              r.path("has_completed").asBoolean(false) ? SignerStatus.SIGNED : SignerStatus.PENDING,
              null,
              null));
    }
    return list;
  }
}
