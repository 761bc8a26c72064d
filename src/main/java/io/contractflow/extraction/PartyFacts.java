package io.contractflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PARTIES, " | "-separated in the order written: "entered into by and between X, a Delaware
 * corporation, and Y", "BETWEEN (1) X ... and (2) Y", or the labelled lines of a cover page
 * ("Supplier: X", "Customer: Y"). A name ends where its description starts (a comma that is not a
 * legal form, "a Delaware corporation", "of", "with its registered office", a bracketed short
 * name).
 */
final class PartyFacts implements FactRules {

  private static final Pattern BETWEEN =
      Pattern.compile("(?i)\\b(?:(?:by\\s+and\\s+)?between|^parties)\\s*:?\\s*");
  private static final Pattern ROLE_LINE =
      Pattern.compile(
          "(?im)^\\s*(?:the\\s+)?(?:supplier|customer|client|provider|service\\s+provider|licensor|licensee|"
              + "landlord|tenant|lessor|lessee|employer|employee|company|consultant|contractor|buyer|"
              + "seller|purchaser|vendor|disclosing\\s+party|receiving\\s+party|recipient|party\\s+[a-b1-2]|"
              + "first\\s+party|second\\s+party|subscriber|owner|agency)\\s*(?:\\([^)]*\\))?\\s*:\\s*(?<name>.+)$");
  private static final String LEGAL_FORM =
      "(?:GmbH\\s*&\\s*Co\\.?\\s*KG|Inc|Incorporated|LLC|L\\.L\\.C|Ltd|Limited|LLP|LP|L\\.P|GmbH|AG|KG|UG|SE|S\\.A|SAS|SARL|"
          + "B\\.V|N\\.V|plc|PLC|Corp|Corporation|Co|Pty\\s+Ltd|S\\.r\\.l|S\\.p\\.A|P\\.C|PC|P\\.A|"
          + "e\\.\\s?K|Sp\\.\\s?z\\s?o\\.\\s?o|Oy|AB|ApS|A/S|AS|S\\.L|GmbH\\s*&\\s*Co\\.?\\s*KG)\\.?";
  private static final Pattern NAME =
      Pattern.compile(
          "(?U)^\\s*(?:\\(\\d\\)|\\d\\.|\\([a-z]\\))?\\s*(?:the\\s+)?"
              + "(?<name>(?:Dr\\.?\\s+|Mr\\.?\\s+|Ms\\.?\\s+|Mrs\\.?\\s+|Prof\\.?\\s+)?"
              + "[\\p{Lu}\\d][\\w'’.&\\-]*(?:\\s+(?:"
              + LEGAL_FORM
              + "(?![\\w.\\-])|[\\p{Lu}&][\\w'’.&\\-]*|of(?!\\s+\\d)|for|de|von|van|der|den|la|le|du|"
              + "y|&)){0,8}(?:,?\\s+"
              + LEGAL_FORM
              + ")?)");

  /** "; and (2)", ", and", "and" on a line of its own: surely the next party. */
  private static final Pattern AND_STRONG =
      Pattern.compile(
          "(?U)(?:[\\-–]\\s*(?:and|AND|und)\\s*[\\-–]|[;,]\\s*(?:and|AND|und)\\s+(?:\\(\\d\\)|\\d\\.|\\(b\\))?|\\s(?:and|AND|und)\\s+(?:\\(\\d\\)|\\(b\\))|\\s\\(2\\)|"
              + "(?:^|\\n|\\s-\\s|\\s)\\s*(?:and|AND|und)\\s*(?:\\n|\\s{2,}))\\s*(?=[\\p{Lu}\\d])");

  private static final Pattern AND_NEXT =
      Pattern.compile(
          "(?U)\\s(?:and|AND|und)\\s+(?:\\(\\d\\)|\\d\\.|\\(b\\))?\\s*(?=[\\p{Lu}\\d])");
  private static final Pattern TRAILING =
      Pattern.compile("(?i)\\s+(?:of|for|de|von|van|der|den|the|and|&|a|an)$");
  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "(?i)^(?:the\\s+)?(?:parties|party|agreement|this|each|both|company|customer|supplier|"
              + "effective|dated|recitals?|whereas|witnesseth|background)\\b");

  @Override
  public List<ExtractedFact> find(ContractText text) {
    List<ExtractedFact> facts = new ArrayList<>();
    List<ContractText.Sentence> sentences = text.sentences();
    // the parties are named at the start: look at the opening sentences only
    int opening = Math.min(sentences.size(), 25);
    for (int i = 0; i < opening; i++) {
      ContractText.Sentence sentence = sentences.get(i);
      // "BETWEEN:" on a line of its own, the parties in the next sentences
      String s = sentence.text();
      Matcher between = BETWEEN.matcher(s);
      if (!between.find()) {
        continue;
      }
      String rest = s.substring(between.end());
      String passage = s;
      if (rest.strip().length() < 3 && i + 1 < sentences.size()) {
        StringBuilder joined = new StringBuilder();
        int last = Math.min(sentences.size(), i + 8) - 1;
        for (int j = i + 1; j <= last; j++) {
          joined.append(sentences.get(j).text()).append(' ');
        }
        rest = joined.toString();
        ContractText.Sentence end = sentences.get(last);
        passage = text.text().substring(sentence.start(), end.start() + end.text().length());
      }
      List<String> parties = parties(rest);
      if (parties.size() == 2) {
        facts.add(new ExtractedFact(FactField.PARTIES, String.join(" | ", parties), passage, 0.85));
        break;
      }
    }
    Matcher roles = ROLE_LINE.matcher(text.text());
    List<String> named = new ArrayList<>();
    StringBuilder passage = new StringBuilder();
    while (roles.find() && named.size() < 2) {
      String name = name(roles.group("name"));
      if (name != null && !named.contains(name)) {
        named.add(name);
        passage.append(roles.group().strip()).append('\n');
      }
    }
    if (named.size() == 2) {
      facts.add(
          new ExtractedFact(
              FactField.PARTIES, String.join(" | ", named), passage.toString().strip(), 0.8));
    }
    return facts;
  }

  /** The first two names in "X, a ..., and Y, a ...". */
  private static List<String> parties(String rest) {
    List<String> parties = new ArrayList<>();
    Matcher first = NAME.matcher(rest);
    if (!first.find()) {
      return parties;
    }
    String one = clean(first.group("name"));
    if (one == null) {
      return parties;
    }
    parties.add(one);
    String after = rest.substring(first.end());
    for (Pattern separator : List.of(AND_STRONG, AND_NEXT)) {
      Matcher and = separator.matcher(after);
      int from = 0;
      while (from <= after.length() && and.find(from)) {
        if (depthAt(after, and.start()) == 0) {
          Matcher second = NAME.matcher(after.substring(and.end()));
          if (second.find()) {
            String two = clean(second.group("name"));
            if (two != null && !two.equals(one)) {
              parties.add(two);
              return parties;
            }
          }
        }
        from = and.end();
      }
    }
    return parties;
  }

  private static int depthAt(String s, int position) {
    int depth = 0;
    for (int i = 0; i < position; i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    return depth;
  }

  private static String name(String written) {
    Matcher m = NAME.matcher(written);
    return m.find() ? clean(m.group("name")) : null;
  }

  /** A name ends with its legal form: "Stadtwerke Rosenheim GmbH Bahnhofstraße 12" is cut. */
  private static final Pattern ENDS_WITH_FORM =
      Pattern.compile("^(.*?[\\s,]" + LEGAL_FORM + ")(?=\\s|$).*$");

  private static String clean(String name) {
    String n = name.replaceAll("\\s+", " ").strip();
    n = ENDS_WITH_FORM.matcher(n).replaceFirst("$1");
    n = n.replaceAll("[,;:]$", "").strip();
    while (TRAILING.matcher(n).find()) {
      n = TRAILING.matcher(n).replaceFirst("");
    }
    if (n.length() < 2 || NOT_A_NAME.matcher(n).find()) {
      return null;
    }
    return n;
  }
}
