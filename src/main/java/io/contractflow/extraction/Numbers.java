package io.contractflow.extraction;

import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities as contracts write them — "30", "thirty", "thirty (30)", "(30) thirty", "twenty-four"
 * — and periods ("twelve (12) months", "one-year", "90 calendar days").
 */
final class Numbers {

  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("hundred", 100));

  private static final String WORD =
      "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          + "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
          + "seventy|eighty|ninety|hundred)";

  /** A quantity: digits, words, or both with one in brackets. */
  static final String QUANTITY =
      "(?:"
          + WORD
          + "(?:[\\s-]+(?:and\\s+)?"
          + WORD
          + ")*(?:\\s*\\(\\s*\\d{1,4}\\s*\\))?|\\(?\\d{1,4}\\)?(?:\\s*\\(\\s*"
          + WORD
          + "(?:[\\s-]+"
          + WORD
          + ")*\\s*\\))?|an?)";

  private static final String UNIT =
      "(?:calendar\\s+|business\\s+|working\\s+|full\\s+)?(days?|weeks?|months?|years?)";

  /** A period: a quantity and a unit ("thirty (30) days", "12-month", "one year"). */
  static final Pattern PERIOD =
      Pattern.compile("(?i)\\b(" + QUANTITY + ")[\\s-]+" + UNIT + "(?:['’]s?|s['’])?(?![a-z])");

  private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");

  private Numbers() {}

  /** The value of a quantity as matched by {@link #QUANTITY}. */
  static OptionalInt quantity(String written) {
    Matcher digits = DIGITS.matcher(written);
    if (digits.find()) {
      return OptionalInt.of(Integer.parseInt(digits.group()));
    }
    int total = 0;
    int current = 0;
    boolean any = false;
    for (String word : written.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
      Integer value = WORDS.get(word);
      if (value == null) {
        continue;
      }
      any = true;
      if (value == 100) {
        current = Math.max(1, current) * 100;
      } else {
        current += value;
      }
    }
    total += current;
    return any ? OptionalInt.of(total) : OptionalInt.empty();
  }

  /** The period of a {@link #PERIOD} match, normalised (P12M is P1Y). */
  static Period period(Matcher match) {
    int amount = quantity(match.group(1)).orElse(0);
    String unit = match.group(2).toLowerCase(Locale.ROOT);
    Period period;
    if (unit.startsWith("day")) {
      period = Period.ofDays(amount);
    } else if (unit.startsWith("week")) {
      period = Period.ofDays(amount * 7);
    } else if (unit.startsWith("month")) {
      period = Period.ofMonths(amount);
    } else {
      period = Period.ofYears(amount);
    }
    return period.normalized();
  }
}
