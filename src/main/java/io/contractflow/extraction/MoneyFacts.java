package io.contractflow.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * VALUE and CURRENCY: the total or annual value. An amount named as the total, the contract value,
 * the price or an annual fee, rent or salary counts most; a monthly or quarterly amount is
 * annualised (with less confidence); rates per hour, deposits, liability caps and penalties are not
 * the contract's value. The currency is the chosen amount's, else the one the contract uses most.
 */
final class MoneyFacts implements FactRules {

  private static final Pattern TOTAL =
      Pattern.compile(
          "(?i)\\b(?:total|aggregate|overall)\\s+(?:contract\\s+|purchase\\s+|annual\\s+)?"
              + "(?:value|price|fees?|consideration|amount|cost|charges?|compensation)|"
              + "\\bcontract\\s+(?:value|price|sum)|\\bpurchase\\s+price|\\bfixed\\s+(?:fee|price)\\s+of|"
              + "\\bin\\s+consideration|\\b(?:licen[cs]e|subscription|service|project)\\s+fees?\\s+(?:of|is|shall\\s+be|:)|"
              + "\\bvalue\\s+of\\s+(?:this|the)\\s+(?:agreement|contract|order)|\\bin\\s+total\\b|"
              + "\\bin\\s+the\\s+aggregate\\b|\\bfor\\s+the\\s+(?:whole|entire)\\s+(?:engagement|project|term|contract|agreement)\\b");
  private static final Pattern ANNUAL =
      Pattern.compile(
          "(?i)\\b(?:per\\s+(?:annum|year)|a\\s+year|each\\s+year|annual(?:ly)?|yearly|p\\.\\s?a\\.|"
              + "per\\s+contract\\s+year)\\b");
  private static final Pattern MONTHLY =
      Pattern.compile(
          "(?i)\\b(?:per\\s+(?:calendar\\s+)?month|a\\s+month|monthly|each\\s+month|pcm)\\b");
  private static final Pattern QUARTERLY =
      Pattern.compile("(?i)\\b(?:per\\s+quarter|quarterly|each\\s+quarter)\\b");
  private static final Pattern NOT_VALUE =
      Pattern.compile(
          "(?i)\\b(?:per\\s+(?:hour|day|hr)|hourly|daily|day\\s+rate|deposit|liabilit\\w*|"
              + "insurance|penalt\\w*|damages|interest|late\\s+(?:fee|charge)|exceed|cap(?:ped)?|"
              + "indemn\\w*|expenses?\\s+(?:of|above|over)|reimburs\\w*)\\b");
  private static final Pattern PRICE_WORDS =
      Pattern.compile(
          "(?i)\\b(?:fees?|price|rent|salary|compensation|remuneration|pay|payable|consideration|"
              + "charges?|sum|amount)\\b");

  @Override
  public List<ExtractedFact> find(ContractText text) {
    List<ExtractedFact> facts = new ArrayList<>();
    java.util.Map<String, Integer> currencies = new java.util.HashMap<>();
    ContractText.Sentence firstWithMoney = null;
    for (ContractText.Sentence sentence : text.sentences()) {
      String s = sentence.text();
      List<Amounts.Found> amounts = Amounts.in(s);
      if (amounts.isEmpty()) {
        continue;
      }
      if (firstWithMoney == null) {
        firstWithMoney = sentence;
      }
      for (Amounts.Found amount : amounts) {
        currencies.merge(amount.currency(), 1, Integer::sum);
      }
      if (NOT_VALUE.matcher(s).find() && !TOTAL.matcher(s).find()) {
        continue;
      }
      Amounts.Found amount = amounts.get(0);
      BigDecimal value = amount.amount();
      double confidence;
      java.util.regex.Matcher total = TOTAL.matcher(s);
      if (total.find()) {
        // the amount nearest the words that call it the total
        int cue = total.start();
        amount =
            amounts.stream()
                .min(
                    java.util.Comparator.comparingInt(
                        a -> Math.min(Math.abs(a.start() - total.end()), Math.abs(cue - a.end()))))
                .orElseThrow();
        value = amount.amount();
        confidence = 0.85;
      } else if (ANNUAL.matcher(s).find() && PRICE_WORDS.matcher(s).find()) {
        confidence = 0.8;
      } else if (MONTHLY.matcher(s).find() && PRICE_WORDS.matcher(s).find()) {
        value = value.multiply(BigDecimal.valueOf(12));
        confidence = 0.6;
      } else if (QUARTERLY.matcher(s).find() && PRICE_WORDS.matcher(s).find()) {
        value = value.multiply(BigDecimal.valueOf(4));
        confidence = 0.55;
      } else if (PRICE_WORDS.matcher(s).find()) {
        confidence = 0.5;
      } else {
        confidence = 0.3;
      }
      facts.add(
          new ExtractedFact(FactField.VALUE, value.setScale(2).toPlainString(), s, confidence));
      facts.add(new ExtractedFact(FactField.CURRENCY, amount.currency(), s, confidence));
    }
    if (firstWithMoney != null) {
      String common =
          currencies.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).get().getKey();
      facts.add(new ExtractedFact(FactField.CURRENCY, common, firstWithMoney.text(), 0.5));
    }
    return facts;
  }
}
