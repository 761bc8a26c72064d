package io.contractflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule-based extractor over the whole labelled set must keep at least these precision and
 * recall per field: set just below what it reaches, so that a change that makes it worse fails
 * here. The targets are over all 40 contracts (the rules have since seen the held-out ones too);
 * docs/extraction.md has the held-out numbers as first measured. {@link ExtractionScores} prints
 * the numbers beside the targets.
 */
class ExtractionScoresTest {

  /** A field's minimum precision and recall. */
  record Target(double precision, double recall) {}

  static final Map<FactField, Target> TARGETS = new EnumMap<>(FactField.class);

  static {
    TARGETS.put(FactField.PARTIES, new Target(0.95, 0.9));
    TARGETS.put(FactField.EFFECTIVE_DATE, new Target(0.95, 0.95));
    TARGETS.put(FactField.END_DATE, new Target(0.95, 0.95));
    TARGETS.put(FactField.TERM, new Target(0.95, 0.95));
    TARGETS.put(FactField.AUTO_RENEWAL, new Target(0.95, 0.95));
    TARGETS.put(FactField.NOTICE_PERIOD, new Target(0.95, 0.95));
    TARGETS.put(FactField.VALUE, new Target(0.95, 0.95));
    TARGETS.put(FactField.CURRENCY, new Target(0.95, 0.95));
    TARGETS.put(FactField.GOVERNING_LAW, new Target(0.95, 0.95));
    TARGETS.put(FactField.PAYMENT_TERMS, new Target(0.95, 0.95));
  }

  private final FactExtractor extractor =
      new RuleBasedFactExtractor(new ExtractionProperties(true));

  @Test
  void theLabelledSetIsLargeAndVaried() {
    List<ContractCorpus.Labelled> all = ContractCorpus.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(all.stream().filter(c -> c.set().equals("held-out")))
        .hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void everyFieldKeepsItsPrecisionAndRecall() {
    Map<FactField, ExtractionScores.Score> scores =
        ExtractionScores.score(extractor, ContractCorpus.all(), false);
    for (FactField field : FactField.values()) {
      ExtractionScores.Score score = scores.get(field);
      Target target = TARGETS.get(field);
      assertThat(score.precision())
          .as("precision of %s %s", field, score)
          .isGreaterThanOrEqualTo(target.precision());
      assertThat(score.recall())
          .as("recall of %s %s", field, score)
          .isGreaterThanOrEqualTo(target.recall());
    }
  }

  @Test
  void everyFactCarriesItsPassageVerbatimAndAConfidence() {
    for (ContractCorpus.Labelled contract : ContractCorpus.all()) {
      for (ExtractedFact fact : extractor.extract(contract.text())) {
        assertThat(fact.confidence()).isBetween(0.0, 1.0);
        for (String part : fact.passage().split("\n…\n")) {
          for (String line : part.split("\n")) {
            assertThat(contract.text()).as(contract.name() + " " + fact).contains(line.strip());
          }
        }
      }
    }
  }
}
