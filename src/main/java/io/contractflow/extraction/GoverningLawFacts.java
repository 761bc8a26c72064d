package io.contractflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GOVERNING_LAW, the jurisdiction as named ("England and Wales", "New York", "Germany"): "governed
 * by the laws of ...", "construed in accordance with the law of ...", "subject to German law",
 * "Governing Law: ...".
 */
final class GoverningLawFacts implements FactRules {

  private static final String JURISDICTION = "(?<j>[^,.;:()]{2,80})";
  private static final Pattern LAWS_OF =
      Pattern.compile(
          "(?i)\\b(?:govern\\w*|constru\\w*|interpret\\w*|subject)\\s+(?:\\w+\\s+){0,8}?"
              + "(?:the\\s+)?(?:substantive\\s+|internal\\s+)?laws?\\s+(?:in\\s+force\\s+in\\s+|of\\s+)"
              + JURISDICTION);
  private static final Pattern ADJECTIVE_LAW =
      Pattern.compile(
          "(?i)\\b(?:govern\\w*|subject)\\s+(?:\\w+\\s+){0,6}?(?:by|to)\\s+(?<adj>English|German|Swiss|"
              + "French|Irish|Scots|Scottish|Dutch|Austrian|Italian|Spanish|Swedish|Danish|"
              + "Belgian|Luxembourg|Canadian|Norwegian|Finnish|Polish|Portuguese|Czech)\\s+law|"
              + "\\b(?<adj2>English|German|Swiss|French|Irish|Scots|Scottish|Dutch|Austrian|Italian|Spanish|"
              + "Swedish|Danish|Belgian|Luxembourg|Canadian|Norwegian|Finnish|Polish|Portuguese|Czech)\\s+law\\s+"
              + "(?:governs|shall\\s+govern|applies|shall\\s+apply|is\\s+applicable|will\\s+apply)");
  private static final Pattern HEADING =
      Pattern.compile(
          "(?i)^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s*)?(?:governing\\s+law|applicable\\s+law|choice\\s+of\\s+law)"
              + "\\s*[:\\-–]\\s*(?:the\\s+)?(?:laws?\\s+of\\s+)?"
              + JURISDICTION);
  private static final Pattern CUT =
      Pattern.compile(
          "(?i)\\s+(?:without|excluding|exclusive|and\\s+(?:the|any|each|all|both|shall|will)|"
              + "applicable|as\\s+applied|which|that|in\\s+(?:all|every)|shall|will|irrespective|"
              + "including|with\\s+the\\s+exclusion|except|regardless|\\(|unless|to\\s+the\\s+exclusion)\\b.*$");
  private static final Pattern PREFIX =
      Pattern.compile(
          "(?i)^(?:the\\s+)?(?:(?:state|commonwealth|federal\\s+republic|republic|province|kingdom|"
              + "grand\\s+duchy|canton|swiss\\s+confederation)\\s+of\\s+)?(?:the\\s+)?");
  private static final Map<String, String> ADJECTIVES =
      Map.ofEntries(
          Map.entry("english", "England and Wales"),
          Map.entry("german", "Germany"),
          Map.entry("swiss", "Switzerland"),
          Map.entry("french", "France"),
          Map.entry("irish", "Ireland"),
          Map.entry("scots", "Scotland"),
          Map.entry("scottish", "Scotland"),
          Map.entry("dutch", "the Netherlands"),
          Map.entry("austrian", "Austria"),
          Map.entry("italian", "Italy"),
          Map.entry("spanish", "Spain"),
          Map.entry("swedish", "Sweden"),
          Map.entry("danish", "Denmark"),
          Map.entry("belgian", "Belgium"),
          Map.entry("luxembourg", "Luxembourg"),
          Map.entry("canadian", "Canada"),
          Map.entry("norwegian", "Norway"),
          Map.entry("finnish", "Finland"),
          Map.entry("polish", "Poland"),
          Map.entry("portuguese", "Portugal"),
          Map.entry("czech", "Czech Republic"));
  private static final Pattern LAW_APPLIES =
      Pattern.compile(
          "(?i)\\b(?:the\\s+)?laws?\\s+of\\s+"
              + JURISDICTION.replace("{2,80}", "{2,80}?")
              + "\\s+(?:applies|apply|shall\\s+apply|governs?|shall\\s+govern|is\\s+applicable)\\b");

  @Override
  public List<ExtractedFact> find(ContractText text) {
    List<ExtractedFact> facts = new ArrayList<>();
    for (ContractText.Sentence sentence : text.sentences()) {
      String s = sentence.text();
      Matcher heading = HEADING.matcher(s);
      if (heading.find()) {
        add(facts, heading.group("j"), s, 0.9);
      }
      Matcher laws = LAWS_OF.matcher(s);
      if (laws.find()) {
        add(facts, laws.group("j"), s, s.matches("(?is).*\\bgovern.*") ? 0.9 : 0.7);
      }
      Matcher applies = LAW_APPLIES.matcher(s);
      if (applies.find()) {
        add(facts, applies.group("j"), s, 0.85);
      }
      Matcher adjective = ADJECTIVE_LAW.matcher(s);
      if (adjective.find()) {
        String adj =
            adjective.group("adj") != null ? adjective.group("adj") : adjective.group("adj2");
        String name = ADJECTIVES.get(adj.toLowerCase(java.util.Locale.ROOT));
        facts.add(new ExtractedFact(FactField.GOVERNING_LAW, name, s, 0.85));
      }
    }
    return facts;
  }

  private static void add(List<ExtractedFact> facts, String written, String sentence, double c) {
    String name = CUT.matcher(written.replaceAll("\\s+", " ").strip()).replaceFirst("");
    name = PREFIX.matcher(name).replaceFirst("").replace(" & ", " and ").strip();
    name = name.replaceAll("(?i)\\s+law[s]?$", "");
    if (name.length() >= 2 && Character.isUpperCase(name.charAt(0))) {
      facts.add(new ExtractedFact(FactField.GOVERNING_LAW, name, sentence, c));
    }
  }
}
