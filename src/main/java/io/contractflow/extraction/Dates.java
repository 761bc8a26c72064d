package io.contractflow.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as contracts write them: "1 March 2027", "1st day of March, 2027", "March 1, 2027",
 * "2027-03-01", "01/03/2027" (day or month first by setting), "01.03.2027" and "1. März 2027".
 */
final class Dates {

  /** A date found in a text, with where it is. */
  record Found(LocalDate date, int start, int end) {}

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("january", 1),
          Map.entry("jan", 1),
          Map.entry("januar", 1),
          Map.entry("jänner", 1),
          Map.entry("february", 2),
          Map.entry("feb", 2),
          Map.entry("februar", 2),
          Map.entry("march", 3),
          Map.entry("mar", 3),
          Map.entry("märz", 3),
          Map.entry("maerz", 3),
          Map.entry("april", 4),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("mai", 5),
          Map.entry("june", 6),
          Map.entry("jun", 6),
          Map.entry("juni", 6),
          Map.entry("july", 7),
          Map.entry("jul", 7),
          Map.entry("juli", 7),
          Map.entry("august", 8),
          Map.entry("aug", 8),
          Map.entry("september", 9),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("october", 10),
          Map.entry("oct", 10),
          Map.entry("oktober", 10),
          Map.entry("november", 11),
          Map.entry("nov", 11),
          Map.entry("december", 12),
          Map.entry("dec", 12),
          Map.entry("dezember", 12));

  private static final String MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December|"
          + "Januar|Jänner|Februar|März|Maerz|Mai|Juni|Juli|Oktober|Dezember|"
          + "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?![\\p{L}])";
  private static final String ORDINAL = "(?:st|nd|rd|th)?";

  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?iu)\\b(\\d{1,2})"
              + ORDINAL
              + "\\.?\\s*(?:day\\s+of\\s+)?"
              + MONTH
              + ",?\\s+(\\d{4})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?iu)\\b" + MONTH + "\\s+(\\d{1,2})" + ORDINAL + ",?\\s+(\\d{4})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern NUMERIC =
      Pattern.compile("\\b(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})\\b");

  private final boolean dayFirst;

  Dates(boolean dayFirst) {
    this.dayFirst = dayFirst;
  }

  /** Every date in {@code text}, in the order they are written. */
  List<Found> in(String text) {
    List<Found> found = new ArrayList<>();
    for (Matcher m = DAY_MONTH_YEAR.matcher(text); m.find(); ) {
      add(found, m, m.group(3), month(m.group(2)), m.group(1));
    }
    for (Matcher m = MONTH_DAY_YEAR.matcher(text); m.find(); ) {
      add(found, m, m.group(3), month(m.group(1)), m.group(2));
    }
    for (Matcher m = ISO.matcher(text); m.find(); ) {
      add(found, m, m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    for (Matcher m = NUMERIC.matcher(text); m.find(); ) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      boolean dayIsFirst = m.group(2).equals(".") || a > 12 || (b <= 12 && dayFirst);
      add(found, m, m.group(4), dayIsFirst ? b : a, String.valueOf(dayIsFirst ? a : b));
    }
    found.sort(Comparator.comparingInt(Found::start));
    // overlapping matches (the same date read twice): keep the first, longest
    List<Found> distinct = new ArrayList<>();
    for (Found f : found) {
      if (distinct.isEmpty() || f.start() >= distinct.get(distinct.size() - 1).end()) {
        distinct.add(f);
      }
    }
    return distinct;
  }

  private static int month(String name) {
    return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT).replace(".", ""), 0);
  }

  private static void add(List<Found> found, Matcher m, String year, int month, String day) {
    try {
      int y = Integer.parseInt(year);
      if (y < 1950 || y > 2150) {
        return;
      }
      found.add(new Found(LocalDate.of(y, month, Integer.parseInt(day)), m.start(), m.end()));
    } catch (DateTimeException | NumberFormatException e) {
      // not a date after all (31 February, month 0)
    }
  }
}
