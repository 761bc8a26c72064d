package io.contractflow.extraction;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The default {@link FactExtractor}: rules and dictionaries per family of fields (dates, term,
 * renewal and notice, money, parties, governing law, payment terms), the most confident candidate
 * per field, and two derived facts with less confidence: the end date from the effective date and
 * the term where no end date is written, and the term from both dates where no term is written.
 */
@Component
public class RuleBasedFactExtractor implements FactExtractor {

  /** A derived fact is only as sure as the less sure of its sources, and less sure than that. */
  private static final double DERIVED = 0.7;

  private final List<FactRules> rules;

  public RuleBasedFactExtractor(ExtractionProperties properties) {
    Dates dates = new Dates(properties.dayFirst());
    this.rules =
        List.of(
            new PartyFacts(),
            new DateFacts(dates),
            new TermFacts(),
            new RenewalFacts(),
            new MoneyFacts(),
            new GoverningLawFacts(),
            new PaymentTermsFacts());
  }

  @Override
  public List<ExtractedFact> extract(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    ContractText contract = new ContractText(text);
    Map<FactField, ExtractedFact> best = new EnumMap<>(FactField.class);
    for (FactRules family : rules) {
      for (ExtractedFact fact : family.find(contract)) {
        ExtractedFact known = best.get(fact.field());
        if (known == null || fact.confidence() > known.confidence()) {
          best.put(fact.field(), fact);
        }
      }
    }
    derive(best);
    return new ArrayList<>(best.values());
  }

  private static void derive(Map<FactField, ExtractedFact> best) {
    ExtractedFact start = best.get(FactField.EFFECTIVE_DATE);
    ExtractedFact term = best.get(FactField.TERM);
    ExtractedFact end = best.get(FactField.END_DATE);
    if (start != null && term != null && end == null) {
      LocalDate derived =
          LocalDate.parse(start.value()).plus(Period.parse(term.value())).minusDays(1);
      best.put(
          FactField.END_DATE,
          new ExtractedFact(
              FactField.END_DATE,
              derived.toString(),
              passages(start, term),
              Math.min(start.confidence(), term.confidence()) * DERIVED));
    } else if (start != null
        && end != null
        && (term == null
            || term.confidence() < Math.min(start.confidence(), end.confidence()) * DERIVED)) {
      LocalDate from = LocalDate.parse(start.value());
      LocalDate to = LocalDate.parse(end.value()).plusDays(1);
      long months = ChronoUnit.MONTHS.between(from, to);
      if (months > 0 && from.plusMonths(months).equals(to)) {
        best.put(
            FactField.TERM,
            new ExtractedFact(
                FactField.TERM,
                Period.ofMonths((int) months).normalized().toString(),
                passages(start, end),
                Math.min(start.confidence(), end.confidence()) * DERIVED));
      }
    }
  }

  private static String passages(ExtractedFact a, ExtractedFact b) {
    return a.passage().equals(b.passage()) ? a.passage() : a.passage() + "\n…\n" + b.passage();
  }
}
