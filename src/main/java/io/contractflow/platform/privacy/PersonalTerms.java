package io.contractflow.platform.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What identifies one person in stored text — their user id, e-mail addresses and names — and what
 * each becomes when they are erased: the user id their pseudonym, everything else {@value #ERASED}.
 * A term matches as a whole word, ignoring case ({@code ann} is not found in {@code Hannah}). The
 * same match is available as a PostgreSQL regular expression, so stores can find the rows first.
 */
public final class PersonalTerms {

  /** What an erased name or address becomes. */
  public static final String ERASED = "[erased]";

  /** Terms shorter than this are not searched in free text: too many false matches. */
  public static final int MIN_LENGTH = 3;

  private static final String JAVA_EDGE_BEFORE = "(?<![\\p{Alnum}_])";
  private static final String JAVA_EDGE_AFTER = "(?![\\p{Alnum}_])";
  private static final String SQL_EDGE_BEFORE = "(?<![[:alnum:]_])";
  private static final String SQL_EDGE_AFTER = "(?![[:alnum:]_])";

  private final Map<String, String> replacements;
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  private PersonalTerms(Map<String, String> replacements) {
    this.replacements = replacements;
    replacements.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(
            term -> {
              values.add(term);
              patterns.add(
                  Pattern.compile(
                      JAVA_EDGE_BEFORE + Pattern.quote(term) + JAVA_EDGE_AFTER,
                      Pattern.CASE_INSENSITIVE
                          | Pattern.UNICODE_CASE
                          | Pattern.UNICODE_CHARACTER_CLASS));
            });
  }

  /**
   * The terms of one person.
   *
   * @param userId their user id, or null for someone who is not a user (a signer, a contact)
   * @param pseudonym what the user id becomes (null: {@value #ERASED})
   * @param emails their addresses
   * @param names their names as stored (full names)
   */
  public static PersonalTerms of(
      String userId, String pseudonym, List<String> emails, List<String> names) {
    Map<String, String> replacements = new LinkedHashMap<>();
    for (String email : emails) {
      add(replacements, email, ERASED);
    }
    for (String name : names) {
      add(replacements, name, ERASED);
    }
    if (userId != null) {
      add(replacements, userId, pseudonym == null ? ERASED : pseudonym);
    }
    return new PersonalTerms(replacements);
  }

  private static void add(Map<String, String> replacements, String term, String replacement) {
    if (term == null) {
      return;
    }
    String stripped = term.strip();
    if (stripped.length() >= MIN_LENGTH
        && replacements.keySet().stream().noneMatch(t -> t.equalsIgnoreCase(stripped))) {
      replacements.put(stripped, replacement);
    }
  }

  /** The terms, longest first. */
  public List<String> values() {
    return List.copyOf(values);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Whether the text names the person. */
  public boolean mentions(String text) {
    if (text == null) {
      return false;
    }
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }

  /** The text with every term replaced by what it becomes. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (int i = 0; i < patterns.size(); i++) {
      String replacement = replacements.get(values.get(i));
      result = patterns.get(i).matcher(result).replaceAll(Matcher.quoteReplacement(replacement));
    }
    return result;
  }

  /** The text with every term replaced by {@code mask} (for other people in an export). */
  public String mask(String text, String mask) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (Pattern pattern : patterns) {
      result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(mask));
    }
    return result;
  }

  /**
   * A PostgreSQL regular expression (for {@code ~*}, case-insensitive) that finds text naming the
   * person; never matches if there are no terms.
   */
  public String sqlPattern() {
    if (values.isEmpty()) {
      return "a^";
    }
    return SQL_EDGE_BEFORE
        + values.stream().map(PersonalTerms::sqlQuote).collect(Collectors.joining("|", "(", ")"))
        + SQL_EDGE_AFTER;
  }

  /** The terms joined with another person's: both people's terms in one matcher. */
  public PersonalTerms and(PersonalTerms other) {
    Map<String, String> all = new LinkedHashMap<>(replacements);
    other.replacements.forEach((k, v) -> add(all, k, v));
    return new PersonalTerms(all);
  }

  private static String sqlQuote(String term) {
    StringBuilder out = new StringBuilder();
    for (char c : term.toCharArray()) {
      if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "PersonalTerms[" + values.size() + " terms]";
  }

  /** Lower-case form of an address, as compared. */
  public static String normalisedEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
