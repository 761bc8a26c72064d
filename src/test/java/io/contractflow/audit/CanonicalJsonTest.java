package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The canonical details: one text for every JSON text with the same meaning, as jsonb hands them
 * back.
 */
class CanonicalJsonTest {

  @Test
  void sortsKeysAtEveryLevelAndDropsWhitespace() {
    assertThat(
            CanonicalJson.of(
                "{ \"b\": [ {\"z\": 1, \"a\": 2} ], \"a\": {\"y\": null, \"x\": true} }"))
        .isEqualTo("{\"a\":{\"x\":true,\"y\":null},\"b\":[{\"a\":2,\"z\":1}]}");
  }

  @Test
  void keysSortByUtf16CodeUnitsAndArraysKeepTheirOrder() {
    assertThat(CanonicalJson.of("{\"é\":1,\"Z\":2,\"a\":3,\"aa\":[3,1,2]}"))
        .isEqualTo("{\"Z\":2,\"a\":3,\"aa\":[3,1,2],\"é\":1}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.50|1.5",
        "15E-1|1.5",
        "1E+2|100",
        "100|100",
        "-0.0|0",
        "0.000|0",
        "-12.340|-12.34",
        "123456789012345678901234567890|123456789012345678901234567890",
        "0.1|0.1",
        "1e-7|0.0000001"
      })
  void writesNumbersPlainWithoutTrailingZeros(String number, String canonical) {
    assertThat(CanonicalJson.of("{\"n\":" + number + "}")).isEqualTo("{\"n\":" + canonical + "}");
  }

  @Test
  void escapesOnlyQuotesBackslashesAndControlCharacters() {
    assertThat(CanonicalJson.of("{\"s\":\"a\\\"b\\\\c\\/d\\n\\t\\u0001\\u00e9€\\ud83d\\ude00\"}"))
        .isEqualTo("{\"s\":\"a\\\"b\\\\c/d\\n\\t\\u0001é€\uD83D\uDE00\"}");
  }

  /** What PostgreSQL returns for jsonb: its own key order, spaces, the number's scale kept. */
  @Test
  void jsonbsRenderingOfTheCanonicalTextGivesItBack() {
    String canonical =
        "{\"amount\":12000.5,\"from\":\"DRAFT\",\"reason\":null,\"tags\":[\"a\",\"b\"],\"to\":\"IN_REVIEW\"}";
    String asJsonbPrintsIt =
        "{\"to\": \"IN_REVIEW\", \"from\": \"DRAFT\", \"tags\": [\"a\", \"b\"], \"amount\": 12000.5, \"reason\": null}";

    assertThat(CanonicalJson.of(asJsonbPrintsIt)).isEqualTo(canonical);
    assertThat(CanonicalJson.of(canonical)).isEqualTo(canonical);
  }

  @Test
  void refusesNulAndWhatIsNotJson() {
    assertThatThrownBy(() -> CanonicalJson.of("{\"s\":\"a\\u0000b\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.of("{\"s\":1} {}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.of("{\"s\":"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
