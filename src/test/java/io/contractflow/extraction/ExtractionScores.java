package io.contractflow.extraction;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Precision and recall of the fact extractor per field over the labelled contracts of {@link
 * ContractCorpus}, separately for the contracts the rules were tuned on and for those written
 * afterwards (held out). A fact counts as right when its value matches the label (parties as a set
 * of names, amounts as numbers); a wrong value is a false positive and a false negative.
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) io.contractflow.extraction.ExtractionScores [-v]
 * </pre>
 */
public final class ExtractionScores {

  /** The counts of one field. */
  public record Score(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int found = truePositives + falsePositives;
      return found == 0 ? 1.0 : (double) truePositives / found;
    }

    public double recall() {
      int labelled = truePositives + falseNegatives;
      return labelled == 0 ? 1.0 : (double) truePositives / labelled;
    }

    Score plus(Score other) {
      return new Score(
          truePositives + other.truePositives,
          falsePositives + other.falsePositives,
          falseNegatives + other.falseNegatives);
    }
  }

  private ExtractionScores() {}

  /** The scores per field (and one line "all" as null key is not used) over {@code contracts}. */
  public static Map<FactField, Score> score(
      FactExtractor extractor, List<ContractCorpus.Labelled> contracts, boolean verbose) {
    Map<FactField, Score> scores = new EnumMap<>(FactField.class);
    for (FactField field : FactField.values()) {
      scores.put(field, new Score(0, 0, 0));
    }
    for (ContractCorpus.Labelled contract : contracts) {
      Map<FactField, ExtractedFact> found =
          extractor.extract(contract.text()).stream()
              .collect(Collectors.toMap(ExtractedFact::field, Function.identity()));
      for (FactField field : FactField.values()) {
        String expected = contract.labels().get(field);
        ExtractedFact fact = found.get(field);
        String actual = fact == null ? null : fact.value();
        Score score;
        if (expected == null && actual == null) {
          continue;
        } else if (expected != null && actual != null && same(field, expected, actual)) {
          score = new Score(1, 0, 0);
        } else {
          score = new Score(0, actual == null ? 0 : 1, expected == null ? 0 : 1);
          if (verbose) {
            System.out.printf(
                "  %-28s %-15s expected %-40s got %s%n",
                contract.name(),
                field,
                expected,
                fact == null ? null : actual + " (" + fact.confidence() + ")");
          }
        }
        scores.merge(field, score, Score::plus);
      }
    }
    return scores;
  }

  static boolean same(FactField field, String expected, String actual) {
    return switch (field) {
      case PARTIES -> names(expected).equals(names(actual));
      case VALUE -> new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
      default -> normal(expected).equals(normal(actual));
    };
  }

  private static Set<String> names(String parties) {
    return Arrays.stream(parties.split("\\|"))
        .map(
            name ->
                normal(name)
                    .replaceAll("^(?:mr|ms|mrs|dr|prof)\\.?\\s+", "")
                    .replaceAll("[.,]", "")
                    .replaceAll("\\s+", " "))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String normal(String value) {
    return value.strip().toLowerCase(Locale.ROOT).replaceAll("^the\\s+", "");
  }

  public static void main(String[] args) {
    boolean verbose = Arrays.asList(args).contains("-v");
    FactExtractor extractor = new RuleBasedFactExtractor(new ExtractionProperties(true));
    List<ContractCorpus.Labelled> all = ContractCorpus.all();
    for (String set : List.of("tuning", "held-out", "held-out-2", "all")) {
      List<ContractCorpus.Labelled> contracts =
          all.stream().filter(c -> set.equals("all") || c.set().equals(set)).toList();
      if (verbose && !set.equals("all")) {
        System.out.println("misses in " + set + ":");
      }
      Map<FactField, Score> scores = score(extractor, contracts, verbose && !set.equals("all"));
      System.out.printf("%n%s set: %d contracts%n", set, contracts.size());
      System.out.printf(
          "%-15s %9s %9s %9s %9s   (tp/fp/fn)%n",
          "field", "precision", "target", "recall", "target");
      for (Map.Entry<FactField, Score> entry : scores.entrySet()) {
        Score s = entry.getValue();
        ExtractionScoresTest.Target target = ExtractionScoresTest.TARGETS.get(entry.getKey());
        System.out.printf(
            "%-15s %9.2f %9.2f %9.2f %9.2f   (%d/%d/%d)%n",
            entry.getKey(),
            s.precision(),
            target.precision(),
            s.recall(),
            target.recall(),
            s.truePositives(),
            s.falsePositives(),
            s.falseNegatives());
      }
    }
  }
}
