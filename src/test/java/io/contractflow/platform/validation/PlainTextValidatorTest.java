package io.contractflow.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextValidatorTest {

  @Test
  void refusesOverridesAndInvisibleCharacters() {
    for (String hostile :
        new String[] {
          "Invoice\u202Efdp.exe", "Acme\u200BLtd", "a\u2066b", "a\u0007b", "a\u200Fb", "a\uFEFFb"
        }) {
      assertThat(
              PlainTextValidator.hidden(
                  hostile.codePoints().filter(PlainTextValidator::hidden).findFirst().orElse('x')))
          .as(hostile)
          .isTrue();
    }
  }

  @Test
  void acceptsWordsAndEmojiWrittenWithJoiners() {
    String persian =
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // mi-khaham, with a zero-width
    // non-joiner
    String family = "\uD83D\uDC69\u200D\uD83D\uDC67"; // woman, ZWJ, girl
    assertThat(persian.codePoints().noneMatch(PlainTextValidator::hidden)).isTrue();
    assertThat(family.codePoints().noneMatch(PlainTextValidator::hidden)).isTrue();
  }
}
