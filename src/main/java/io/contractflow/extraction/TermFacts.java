package io.contractflow.extraction;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TERM, the initial term: "for a period of twelve (12) months", "shall continue for two years",
 * "Initial Term: 24 months", "a one-year term". A period in a sentence about survival,
 * confidentiality after the end, notice, payment or warranties is not the term, and one written
 * after "renew" is the renewal term.
 */
final class TermFacts implements FactRules {

  private static final String P = "(?<period>" + Numbers.PERIOD.pattern().substring(4) + ")";
  private static final List<Cue> CUES =
      List.of(
          new Cue(
              "(?i)\\b(?:initial\\s+|minimum\\s+|fixed\\s+|subscription\\s+|lease\\s+|contract\\s+)?"
                  + "(?:term|duration)\\s*(?:\\([^)]*\\))?\\s*[:\\-–]\\s*(?:an?\\s+)?(?:\\w+\\s+){0,2}?"
                  + "(?:(?:term|period)\\s+of\\s+)?"
                  + P,
              0.95),
          new Cue(
              "(?i)\\b(?:term|duration|period)\\s+(?:of\\s+(?:this|the)\\s+\\w+\\s+)?(?:shall\\s+be|is|will\\s+be)"
                  + "\\s+(?:an?\\s+)?(?:initial\\s+|fixed\\s+)?(?:(?:term|period)\\s+of\\s+)?"
                  + P,
              0.9),
          new Cue(
              "(?i)\\b(?:for|has|have|with|over)\\s+(?:an?\\s+)?(?:initial\\s+|fixed\\s+|minimum\\s+|further\\s+)?"
                  + "(?:\\w+\\s+)?(?:term|period|duration)\\s+of\\s+"
                  + P,
              0.9),
          new Cue(
              "(?i)\\b(?:continue|remain|be\\s+in\\s+force|run|last)\\w*\\s+(?:in\\s+(?:full\\s+)?force\\s+"
                  + "(?:and\\s+effect\\s+)?|in\\s+effect\\s+)?for\\s+(?:an?\\s+)?(?:initial\\s+|fixed\\s+)?"
                  + P,
              0.9),
          new Cue("(?i)\\blast(?:s|ing)?\\s+(?:for\\s+)?(?:an?\\s+)?(?:initial\\s+)?" + P, 0.8),
          new Cue(
              "(?i)\\b(?:an?\\s+)?" + P + "\\s+(?:initial\\s+|fixed\\s+)?(?:term|period)\\b", 0.8),
          new Cue("(?i)\\bfor\\s+" + P + "\\s+(?:from|commencing|starting|beginning|after)", 0.75));

  private static final Pattern NOT_THE_TERM =
      Pattern.compile(
          "(?i)\\b(?:surviv\\w*|notice|invoice|payment|paid|warrant\\w*|probation\\w*|non-?compet\\w*|"
              + "non-?solicit\\w*|after\\s+(?:the\\s+)?(?:termination|expiry|expiration|end)|retain\\w*|"
              + "records|statute|hours|deliver\\w*)\\b");
  private static final Pattern RENEW = Pattern.compile("(?i)\\b(?:renew\\w*|extend\\w*|extension)");

  private record Cue(Pattern pattern, double confidence) {
    Cue(String regex, double confidence) {
      this(Pattern.compile(regex), confidence);
    }
  }

  @Override
  public List<ExtractedFact> find(ContractText text) {
    List<ExtractedFact> facts = new ArrayList<>();
    for (ContractText.Sentence sentence : text.sentences()) {
      String s = sentence.text();
      boolean aside = NOT_THE_TERM.matcher(s).find();
      for (Cue cue : CUES) {
        for (Matcher m = cue.pattern().matcher(s); m.find(); ) {
          Matcher period = Numbers.PERIOD.matcher(m.group("period"));
          if (!period.find()) {
            continue;
          }
          Period value = Numbers.period(period);
          if (value.isZero()) {
            continue;
          }
          Matcher renew = RENEW.matcher(s);
          boolean renewal = renew.find() && renew.start() < m.start("period");
          double confidence = cue.confidence() * (aside ? 0.4 : 1) * (renewal ? 0.4 : 1);
          facts.add(new ExtractedFact(FactField.TERM, value.toString(), s, confidence));
        }
      }
    }
    return facts;
  }
}
