package io.contractflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.web.ApiException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.FieldValue;

class SearchCursorTest {

  @Test
  void aCursorComesBackAsTheSortValuesItWasMadeOf() {
    SearchCursor cursor =
        SearchCursor.of(
            List.of(FieldValue.of(1767225600000L), FieldValue.of("3f2a-…"), FieldValue.of(7.25)));
    SearchCursor back = SearchCursor.decode(cursor.encode(), 3);
    assertThat(back.values()).hasSize(3);
    assertThat(back.values().get(0).longValue()).isEqualTo(1767225600000L);
    assertThat(back.values().get(1).stringValue()).isEqualTo("3f2a-…");
    assertThat(back.values().get(2).doubleValue()).isEqualTo(7.25);
    assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void anythingElseIsA400() {
    for (String token :
        List.of(
            "",
            "%%%",
            "bm90IGpzb24",
            encode("{\"a\":1}"),
            encode("[1]"),
            encode("[1,2,3]"),
            encode("[[1],2]"))) {
      assertThatThrownBy(() -> SearchCursor.decode(token, 2))
          .as(token)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(ApiException.from(e).status().value()).isEqualTo(400));
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
  }
}
