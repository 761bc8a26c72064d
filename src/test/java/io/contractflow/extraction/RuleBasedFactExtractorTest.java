package io.contractflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The extractor's rules one by one, on short texts. */
class RuleBasedFactExtractorTest {

  private final FactExtractor dayFirst = new RuleBasedFactExtractor(new ExtractionProperties(true));
  private final FactExtractor monthFirst =
      new RuleBasedFactExtractor(new ExtractionProperties(false));

  @Test
  void aClauseIsSurerThanABareDateAndEachFactKeepsItsSentence() {
    Map<FactField, ExtractedFact> clause =
        facts(dayFirst, "Intro text.\nThis Agreement shall commence on 1 March 2027. Other text.");
    Map<FactField, ExtractedFact> bare = facts(dayFirst, "Signed in London.\n1 March 2027");

    assertThat(clause.get(FactField.EFFECTIVE_DATE).value()).isEqualTo("2027-03-01");
    assertThat(clause.get(FactField.EFFECTIVE_DATE).passage())
        .isEqualTo("This Agreement shall commence on 1 March 2027.");
    assertThat(bare.get(FactField.EFFECTIVE_DATE).value()).isEqualTo("2027-03-01");
    assertThat(bare.get(FactField.EFFECTIVE_DATE).confidence())
        .isLessThan(clause.get(FactField.EFFECTIVE_DATE).confidence());
  }

  @Test
  void readsDatesInEnglishIsoNumericAndGermanForms() {
    for (String written :
        List.of(
            "1 March 2027",
            "1st day of March, 2027",
            "March 1, 2027",
            "Mar. 1st, 2027",
            "2027-03-01",
            "01.03.2027",
            "1. März 2027")) {
      assertThat(
              facts(dayFirst, "The term starts on " + written + ".").get(FactField.EFFECTIVE_DATE))
          .as(written)
          .extracting(ExtractedFact::value)
          .isEqualTo("2027-03-01");
    }
  }

  @Test
  void anAmbiguousNumericDateFollowsTheSettingAndAnUnambiguousOneDoesNot() {
    String text = "The services start on 01/03/2027 and end on 31/12/2027.";

    assertThat(facts(dayFirst, text).get(FactField.EFFECTIVE_DATE).value()).isEqualTo("2027-03-01");
    assertThat(facts(monthFirst, text).get(FactField.EFFECTIVE_DATE).value())
        .isEqualTo("2027-01-03");
    assertThat(facts(monthFirst, text).get(FactField.END_DATE).value()).isEqualTo("2027-12-31");
  }

  @Test
  void readsTheRenewalClauseOfACommonTemplate() {
    Map<FactField, ExtractedFact> facts =
        facts(
            dayFirst,
            "This Agreement shall commence on 1 March 2027 and shall continue for a period of"
                + " twelve (12) months. Thereafter it shall automatically renew for successive"
                + " one-year periods unless either party gives thirty (30) days' written notice"
                + " of non-renewal.");

    assertThat(facts.get(FactField.TERM).value()).isEqualTo("P1Y");
    assertThat(facts.get(FactField.AUTO_RENEWAL).value()).isEqualTo("true");
    assertThat(facts.get(FactField.NOTICE_PERIOD).value()).isEqualTo("P30D");
    // no end date is written: derived from the start and the term, and less sure than both
    ExtractedFact end = facts.get(FactField.END_DATE);
    assertThat(end.value()).isEqualTo("2028-02-29");
    assertThat(end.confidence())
        .isLessThan(facts.get(FactField.EFFECTIVE_DATE).confidence())
        .isLessThan(facts.get(FactField.TERM).confidence());
  }

  @Test
  void readsPartiesMoneyLawAndPaymentTerms() {
    Map<FactField, ExtractedFact> facts =
        facts(
            dayFirst,
            "This Agreement is entered into by and between Acme Widgets, Inc., a Delaware"
                + " corporation, and Zephyr Tools GmbH, Munich (\"Supplier\").\n"
                + "The total contract value is EUR 48.000,00. Payment within 30 days of invoice.\n"
                + "This Agreement is governed by the laws of the State of New York.");

    assertThat(facts.get(FactField.PARTIES).value())
        .isEqualTo("Acme Widgets, Inc. | Zephyr Tools GmbH");
    assertThat(facts.get(FactField.VALUE).value()).isEqualTo("48000.00");
    assertThat(facts.get(FactField.CURRENCY).value()).isEqualTo("EUR");
    assertThat(facts.get(FactField.PAYMENT_TERMS).value()).isEqualTo("net 30");
    assertThat(facts.get(FactField.GOVERNING_LAW).value()).isEqualTo("New York");
  }

  @Test
  void saysNothingAboutAnEmptyText() {
    assertThat(dayFirst.extract("")).isEmpty();
    assertThat(dayFirst.extract(null)).isEmpty();
  }

  private static Map<FactField, ExtractedFact> facts(FactExtractor extractor, String text) {
    return extractor.extract(text).stream()
        .collect(Collectors.toMap(ExtractedFact::field, Function.identity()));
  }
}
