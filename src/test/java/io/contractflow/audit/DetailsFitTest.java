package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailsFitTest {

  private final ObjectMapper json = new ObjectMapper();

  private String canonical(Map<String, Object> details) throws Exception {
    return CanonicalJson.of(json.writeValueAsString(details));
  }

  @Test
  void detailsThatFitAreLeftAsTheyAre() throws Exception {
    Map<String, Object> details =
        Map.of("amount", new BigDecimal("12000.50"), "note", "short", "list", List.of(1, 2));
    assertThat(canonical(DetailsFit.fit(json, details)))
        .isEqualTo(CanonicalJson.of(json.writeValueAsString(details)));
  }

  @Test
  void longTextsAreCutUntilTheDetailsFitAndNumbersStayExact() throws Exception {
    Map<String, Object> details =
        Map.of(
            "changes",
                Map.of("description", Map.of("from", "a".repeat(4000), "to", "b\n".repeat(2000))),
            "amount", new BigDecimal("12345678901234.5678"),
            "signers", List.of("x".repeat(3000), "y".repeat(3000)));

    Map<String, Object> fitted = DetailsFit.fit(json, details);

    String canonical = canonical(fitted);
    assertThat(canonical.length()).isLessThanOrEqualTo(AuditTrail.MAX_DETAILS);
    assertThat(canonical)
        .contains("\"amount\":12345678901234.5678")
        .contains("aaa…\"")
        .contains("xxx…\"");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "a".repeat(498) + "😀" + "b".repeat(10);
    String cut = Summaries.cut(text, 500);
    assertThat(cut).isEqualTo("a".repeat(498) + "…");
  }
}
