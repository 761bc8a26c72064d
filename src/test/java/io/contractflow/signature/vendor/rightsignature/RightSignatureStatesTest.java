package io.contractflow.signature.vendor.rightsignature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.SignatureProvider.RecipientStatus;
import io.contractflow.signature.SignerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RightSignature's document and recipient states in the platform's status model. */
class RightSignatureStatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode recipients(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static EnvelopeState state(String documentState, String recipientsJson) throws Exception {
    JsonNode recipients = recipients(recipientsJson);
    return RightSignatureStates.document(
        documentState,
        RightSignatureStates.recipients(recipients),
        RightSignatureStates.anyViewed(recipients));
  }

  @Test
  void documentStatesMapOntoTheStatusModel() throws Exception {
    assertThat(state("pending", "[]")).isEqualTo(EnvelopeState.SENT);
    assertThat(state("draft", "[]")).isEqualTo(EnvelopeState.SENT);
    assertThat(
            state(
                "pending",
                "[{\"email\":\"a@x\",\"status\":\"pending\",\"viewed_at\":\"2026-11-26T01:00:00Z\"}]"))
        .isEqualTo(EnvelopeState.VIEWED);
    assertThat(
            state(
                "pending",
                "[{\"email\":\"a@x\",\"status\":\"signed\"},{\"email\":\"b@x\",\"status\":\"pending\"}]"))
        .isEqualTo(EnvelopeState.PARTIALLY_SIGNED);
    assertThat(state("executed", "[]")).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(state("declined", "[]")).isEqualTo(EnvelopeState.DECLINED);
    assertThat(state("voided", "[]")).isEqualTo(EnvelopeState.VOIDED);
    assertThat(state("expired", "[]")).isEqualTo(EnvelopeState.EXPIRED);
    assertThat(state("something-new", "[]")).isEqualTo(EnvelopeState.ERROR);
    assertThat(state(null, "[]")).isEqualTo(EnvelopeState.ERROR);
  }

  @Test
  void recipientsAreSignersWithTheirStateTimeAndReason() throws Exception {
    List<RecipientStatus> list =
        RightSignatureStates.recipients(
            recipients(
                "["
                    + "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"role_type\":\"signer\",\"status\":\"signed\","
                    + "\"signed_at\":\"2026-11-26T01:05:00.000-08:00\"},"
                    + "{\"name\":\"Bob\",\"email\":\"bob@example.com\",\"status\":\"declined\",\"decline_reason\":\"No\"},"
                    + "{\"name\":\"Cid\",\"email\":\"cid@example.com\",\"role_type\":\"cc\",\"status\":\"pending\"},"
                    + "{\"name\":\"Dee\",\"email\":\"dee@example.com\"}]"));
    assertThat(list)
        .extracting(RecipientStatus::email)
        .containsExactly("ann@example.com", "bob@example.com", "dee@example.com");
    assertThat(list.get(0).state()).isEqualTo(SignerStatus.SIGNED);
    assertThat(list.get(0).signedAt()).hasToString("2026-11-26T09:05:00Z");
    assertThat(list.get(1).state()).isEqualTo(SignerStatus.DECLINED);
    assertThat(list.get(1).declineReason()).isEqualTo("No");
    assertThat(list.get(2).state()).isEqualTo(SignerStatus.PENDING);
  }
}
