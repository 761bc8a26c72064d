package io.contractflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AUTO_RENEWAL and NOTICE_PERIOD: "shall automatically renew for successive one-year periods unless
 * either party gives thirty (30) days' written notice", "renews automatically", "will not renew
 * automatically", "expires at the end of the Term without renewal". The notice period is read from
 * the renewal clause first, from a termination clause second.
 */
final class RenewalFacts implements FactRules {

  private static final Pattern RENEWS =
      Pattern.compile(
          "(?i)\\b(?:automatic(?:ally)?\\s+(?:be\\s+)?(?:renew|extend|prolong)\\w*|"
              + "(?:renew|extend|prolong)\\w*\\s+(?:itself\\s+)?automatically|auto-?renew\\w*|"
              + "automatic\\s+(?:renewal|extension)|tacit(?:ly)?\\s+(?:renew|extend)\\w*|"
              + "(?:shall|will|is)\\s+(?:thereafter\\s+|then\\s+)?(?:be\\s+)?(?:renewed|extended|prolonged)\\s+"
              + "(?:\\w+\\s+){0,3}?(?:by|for)\\s+(?:successive|additional|further|consecutive|"
              + "(?:an?|one|two|\\d+)\\s+(?:further|additional)?)|"
              + "(?:renew|extend)\\w*\\s+for\\s+(?:successive|consecutive|additional|further)\\s+"
              + "(?:periods?|terms?|\\S+\\s+(?:periods?|terms?))\\s+unless|"
              + "roll(?:s|ing)?\\s+(?:on|over)\\b|periodic\\s+tenancy|"
              + "continue\\w*\\s+(?:\\w+\\s+){0,3}?(?:month|year)[\\s-]+(?:to|by)[\\s-]+(?:month|year)|"
              + "rolling\\s+(?:basis|contract|monthly|annual))");
  private static final Pattern DOES_NOT_RENEW =
      Pattern.compile(
          "(?i)\\b(?:(?:shall|will|does|do)\\s+not\\s+(?:be\\s+)?(?:automatically\\s+)?"
              + "(?:renew|extend|roll\\s+over)\\w*|no\\s+automatic\\s+(?:renewal|extension)|"
              + "not\\s+(?:be\\s+)?(?:subject\\s+to\\s+)?automatic(?:ally)?\\s+(?:renew|extend)\\w*|"
              + "(?:expire|end|terminate)s?\\s+(?:automatically\\s+)?(?:at|on|upon)\\s+(?:the\\s+)?"
              + "(?:end|expiry|expiration)\\s+of\\s+(?:the\\s+)?(?:initial\\s+)?(?:term|period)\\w*"
              + "(?:\\s+\\w+){0,6}\\s+without|"
              + "without\\s+(?:the\\s+need\\s+for\\s+)?(?:any\\s+)?(?:notice|renewal|further\\s+action)|"
              + "(?:renew\\w*|extend\\w*|extension)\\s+(?:\\w+\\s+){0,4}?(?:only\\s+)?(?:by|upon|with|in)\\s+"
              + "(?:a\\s+)?(?:mutual|separate|written)\\s+(?:written\\s+)?(?:agreement|amendment|consent)|"
              + "(?:any|no)\\s+(?:renewal|extension)\\s+(?:shall\\s+|will\\s+)?(?:require|requires|be\\s+agreed))");
  private static final Pattern NOTICE =
      Pattern.compile(
          "(?i)(?:"
              + "(?<a>"
              + Numbers.QUANTITY
              + ")[\\s-]+(?:calendar\\s+|business\\s+|working\\s+|full\\s+)?(?<au>days?|weeks?|months?|years?)"
              + "(?:['’]s?|s['’])?\\s+(?:\\([^)]*\\)\\s+)?(?:prior\\s+|advance\\s+|previous\\s+)?"
              + "(?:written\\s+|formal\\s+)?(?:prior\\s+)?notice"
              + "|notice\\s+(?:in\\s+writing\\s+)?(?:of\\s+(?:termination\\s+|non-?renewal\\s+)?)?"
              + "(?:period\\s+(?:of|is)\\s+)?(?:at\\s+least\\s+|not\\s+less\\s+than\\s+|no\\s+less\\s+than\\s+|"
              + "a\\s+minimum\\s+of\\s+)?(?<b>"
              + Numbers.QUANTITY
              + ")[\\s-]+(?:calendar\\s+|business\\s+|working\\s+|full\\s+)?(?<bu>days?|weeks?|months?|years?)"
              + "|(?:at\\s+least|not\\s+less\\s+than|no\\s+later\\s+than|no\\s+less\\s+than)\\s+(?<c>"
              + Numbers.QUANTITY
              + ")[\\s-]+(?:calendar\\s+|business\\s+|working\\s+)?(?<cu>days?|weeks?|months?|years?)\\s+"
              + "(?:before|prior\\s+to|in\\s+advance\\s+of|preceding)"
              + "|(?:at\\s+the\\s+latest|latest)\\s+(?<e>"
              + Numbers.QUANTITY
              + ")[\\s-]+(?:calendar\\s+|business\\s+|working\\s+)?(?<eu>days?|weeks?|months?|years?)\\s+"
              + "(?:before|prior\\s+to)"
              + "|Notice\\s+Period\\s*[:\\-–]\\s*(?<d>"
              + Numbers.QUANTITY
              + ")[\\s-]+(?:calendar\\s+|business\\s+|working\\s+)?(?<du>days?|weeks?|months?|years?))");
  private static final Pattern TERMINATION =
      Pattern.compile(
          "(?i)\\b(?:terminat\\w*|cancel\\w*|non-?renewal|end(?:s|ing)?\\s+(?:it|the|this|its|their)|"
              + "resign\\w*|quit)\\b");
  private static final Pattern NOT_CONVENIENCE =
      Pattern.compile("(?i)\\b(?:breach|cure|remed\\w*|insolv\\w*|bankrupt\\w*|default)\\b");

  @Override
  public List<ExtractedFact> find(ContractText text) {
    List<ExtractedFact> facts = new ArrayList<>();
    List<ContractText.Sentence> sentences = text.sentences();
    ContractText.Sentence previous = null;
    for (ContractText.Sentence sentence : sentences) {
      String s = sentence.text();
      String before = previous == null ? "" : previous.text();
      previous = sentence;
      boolean renews = RENEWS.matcher(s).find();
      boolean doesNot = DOES_NOT_RENEW.matcher(s).find();
      if (doesNot) {
        facts.add(new ExtractedFact(FactField.AUTO_RENEWAL, "false", s, 0.85));
      } else if (renews) {
        facts.add(new ExtractedFact(FactField.AUTO_RENEWAL, "true", s, 0.9));
      }
      java.time.Period notice = notice(s);
      if (notice == null) {
        continue;
      }
      double confidence;
      if (renews || s.matches("(?is).*\\b(?:renew\\w*|non-?renewal|extension|extend\\w*)\\b.*")) {
        confidence = 0.85;
      } else if (TERMINATION.matcher(s).find() && !NOT_CONVENIENCE.matcher(s).find()) {
        confidence = 0.65;
      } else if (TERMINATION.matcher(s).find()) {
        confidence = 0.35;
      } else if (RENEWS.matcher(before).find() || TERMINATION.matcher(before).find()) {
        // "... unless either party ends it. The Landlord must give two months' notice."
        confidence = 0.5;
      } else {
        // notice of something else (a new sub-processor, a price change): not the contract's
        continue;
      }
      facts.add(new ExtractedFact(FactField.NOTICE_PERIOD, notice.toString(), s, confidence));
    }
    return facts;
  }

  private static java.time.Period notice(String sentence) {
    Matcher m = NOTICE.matcher(sentence);
    if (!m.find()) {
      return null;
    }
    for (String g : List.of("a", "b", "c", "d", "e")) {
      if (m.group(g) != null) {
        Matcher period = Numbers.PERIOD.matcher(m.group(g) + " " + m.group(g + "u"));
        if (period.find()) {
          java.time.Period value = Numbers.period(period);
          return value.isZero() ? null : value;
        }
      }
    }
    return null;
  }
}
