package io.contractflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EFFECTIVE_DATE and END_DATE: a date right after a clause cue ("shall commence on", "effective as
 * of", "made this", "until", "expires on") or in a labelled line ("Effective Date: ..."); the first
 * date of the contract, with low confidence, where nothing says which date starts it.
 */
final class DateFacts implements FactRules {

  private static final Pattern EFFECTIVE_LABEL =
      Pattern.compile(
          "(?i)\\b(?:effective|commencement|start|starting|begin)\\s+date\\s*(?:[:\\-–]|is|shall\\s+be)");

  /** The start of the term: "shall commence on", "beginning on", "with effect from". */
  private static final Pattern COMMENCEMENT_CUE =
      Pattern.compile(
          "(?i)\\b(?:with\\s+effect\\s+(?:from|as\\s+of)|commenc\\w*(?:\\s+on|\\s+as\\s+of|\\s+from)?"
              + "|start\\w*\\s+(?:on|from)|begin\\w*\\s+on|runs?\\s+from|from"
              + "|enter\\w*\\s+into\\s+force\\s+(?:on|as\\s+of)|com(?:es?|ing)\\s+into\\s+(?:force|effect)\\s+on"
              + "|takes?\\s+effect\\s+(?:on|from|as\\s+of))\\b");

  /** Effective as of a date. */
  private static final Pattern EFFECTIVE_CUE =
      Pattern.compile("(?i)\\beffective\\s+(?:as\\s+(?:of|from)|from|on)?\\b");

  /** When it was made: the effective date unless the term starts later. */
  private static final Pattern MADE_CUE =
      Pattern.compile(
          "(?i)\\b(?:entered\\s+into\\s+(?:on|as\\s+of)|made\\s+(?:and\\s+entered\\s+into\\s+)?(?:on|this|as\\s+of)"
              + "|dated(?:\\s+as\\s+of)?|executed\\s+(?:on|as\\s+of)|concluded\\s+on|as\\s+of)\\b");

  /** A signature line: "Stuttgart, 01.07.2027", "Signed: 12 March 2027", "Date: ...". */
  private static final Pattern SIGNED_LINE =
      Pattern.compile(
          "(?i)^(?:(?:signed|date|dated|place\\s+and\\s+date)(?:\\s+on)?\\s*:?\\s*|[\\p{L} .\\-]{2,30},\\s*(?:(?:on|den)\\s+)?)$");

  private static final Pattern END_LABEL =
      Pattern.compile(
          "(?i)\\b(?:end|expiry|expiration|termination|completion)\\s+date\\s*(?:[:\\-–]|is|shall\\s+be)");

  /** Work to be finished by a date: the end, with less confidence. */
  private static final Pattern COMPLETION_CUE =
      Pattern.compile(
          "(?i)\\b(?:be\\s+)?(?:substantially\\s+)?complet\\w*\\s+(?:by|on|no\\s+later\\s+than)\\b");

  private static final Pattern END_CUE =
      Pattern.compile(
          "(?i)\\b(?:until|till|ending\\s+on|end(?:s)?\\s+on|and\\s+ending|expir\\w*(?:\\s+on|\\s+at\\s+\\w+\\s+on)?"
              + "|terminat\\w*\\s+on|through|to\\s+and\\s+including|up\\s+to\\s+and\\s+including"
              + "|(?<=\\d{4},?\\s{1,3})(?:to|-|–))(?:\\b|\\s)");
  private static final Pattern NOT_THE_TERM =
      Pattern.compile(
          "(?i)\\b(?:invoice|paid|payment|deliver\\w*|notice\\s+(?:dated|given)|amend\\w*|"
              + "signed|signature|witness|prior\\s+agreement|previous|superseded?)\\b");
  private static final int NEAR = 60;

  private final Dates dates;

  DateFacts(Dates dates) {
    this.dates = dates;
  }

  @Override
  public List<ExtractedFact> find(ContractText text) {
    List<ExtractedFact> facts = new ArrayList<>();
    boolean firstDate = true;
    for (ContractText.Sentence sentence : text.sentences()) {
      List<Dates.Found> found = dates.in(sentence.text());
      if (found.isEmpty()) {
        continue;
      }
      String s = sentence.text();
      boolean aside = NOT_THE_TERM.matcher(s).find();
      double damp = aside ? 0.5 : 1.0;
      cued(facts, FactField.EFFECTIVE_DATE, EFFECTIVE_LABEL, found, sentence, 0.95 * damp);
      cued(facts, FactField.EFFECTIVE_DATE, COMMENCEMENT_CUE, found, sentence, 0.9 * damp);
      cued(facts, FactField.EFFECTIVE_DATE, EFFECTIVE_CUE, found, sentence, 0.88 * damp);
      cued(facts, FactField.EFFECTIVE_DATE, MADE_CUE, found, sentence, 0.8 * damp);
      Dates.Found only = found.get(0);
      if (found.size() == 1
          && only.end() >= s.strip().length() - 1
          && SIGNED_LINE.matcher(s.substring(0, only.start())).find()) {
        facts.add(fact(FactField.EFFECTIVE_DATE, only, s, 0.5));
      }
      cued(facts, FactField.END_DATE, END_LABEL, found, sentence, 0.95 * damp);
      cued(facts, FactField.END_DATE, END_CUE, found, sentence, 0.8 * damp);
      cued(facts, FactField.END_DATE, COMPLETION_CUE, found, sentence, 0.6 * damp);
      if (firstDate) {
        firstDate = false;
        facts.add(fact(FactField.EFFECTIVE_DATE, found.get(0), s, aside ? 0.2 : 0.4));
      }
    }
    return facts;
  }

  /** The date nearest after each cue in the sentence. */
  private static void cued(
      List<ExtractedFact> facts,
      FactField field,
      Pattern cue,
      List<Dates.Found> found,
      ContractText.Sentence sentence,
      double confidence) {
    for (Matcher m = cue.matcher(sentence.text()); m.find(); ) {
      for (Dates.Found date : found) {
        if (date.start() >= m.end() && date.start() - m.end() <= NEAR) {
          String between = sentence.text().substring(m.end(), date.start());
          // another date or another cue between cue and date: it belongs to that one
          if (!between.matches("(?s).*\\b(?:and|until|to|through|ending|expir\\w*)\\b.*")
              || field == FactField.END_DATE) {
            facts.add(fact(field, date, sentence.text(), confidence));
          }
          break;
        }
      }
    }
  }

  private static ExtractedFact fact(
      FactField field, Dates.Found date, String sentence, double confidence) {
    return new ExtractedFact(field, date.date().toString(), sentence, confidence);
  }
}
