package io.contractflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract's text cut into sentences, each kept verbatim with its place in the text. Clause
 * headings, labelled lines ("Effective Date: 1 March 2027") and paragraphs end a sentence as well
 * as a full stop does; a line wrapped inside a sentence (as OCR and PDFs give it) does not.
 */
final class ContractText {

  /** One sentence: its text as written and where it starts. */
  record Sentence(int index, int start, String text) {}

  private static final Pattern ABBREVIATION =
      Pattern.compile(
          "(?i)(?:\\b(?:inc|ltd|co|corp|no|nr|e\\.g|i\\.e|etc|art|sec|cl|para|st|dr|mr|mrs|ms|u\\.s|"
              + "s\\.a|b\\.v|n\\.v|l\\.l\\.c|l\\.p|plc|approx|incl|vs|p|pp|jan|feb|mar|apr|jun|jul|"
              + "aug|sep|sept|oct|nov|dec)|\\b[A-Z]|(?:^|[\\s§(])\\d{1,2})\\.$");
  private static final Pattern LINE_START_BREAK =
      Pattern.compile(
          "^\\s*(?:\\d{1,3}(?:\\.\\d{1,3})*\\.\\s|\\d{1,3}(?:\\.\\d{1,3})+\\s|§\\s*\\d|\\([a-z0-9]{1,4}\\)\\s|[•\\-*]\\s|[A-Z][A-Za-z ]{1,30}:|"
              + "[A-Z][A-Z \\-&]{3,}$)");

  private final String text;
  private final List<Sentence> sentences;

  ContractText(String text) {
    this.text = text == null ? "" : text;
    this.sentences = split(this.text);
  }

  String text() {
    return text;
  }

  List<Sentence> sentences() {
    return sentences;
  }

  private static List<Sentence> split(String text) {
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean end = false;
      int next = i + 1;
      if (c == '.' || c == '!' || c == '?' || c == ';') {
        int after = skipSpaces(text, next);
        boolean spaced = after > next || after >= length;
        if (spaced
            && (after >= length || startsSentence(text.charAt(after)))
            && (c != '.'
                || !ABBREVIATION.matcher(text.substring(Math.max(start, i - 12), i + 1)).find())) {
          end = true;
        }
      } else if (c == '\n') {
        String previousLine = text.substring(lineStart(text, i), i).strip();
        int lineEnd = text.indexOf('\n', next);
        String nextLine = text.substring(next, lineEnd < 0 ? length : lineEnd);
        end =
            previousLine.isEmpty()
                || nextLine.isBlank()
                || previousLine.endsWith(":")
                || previousLine.length() < 50
                || LINE_START_BREAK.matcher(nextLine).find();
      }
      if (end) {
        spans.add(new int[] {start, next});
        start = next;
      }
    }
    spans.add(new int[] {start, length});
    List<Sentence> result = new ArrayList<>();
    for (int[] span : spans) {
      String raw = text.substring(span[0], span[1]);
      int lead = 0;
      while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
        lead++;
      }
      String sentence = raw.strip();
      if (!sentence.isEmpty()) {
        result.add(new Sentence(result.size(), span[0] + lead, sentence));
      }
    }
    return result;
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || "(\"“'‘[".indexOf(c) >= 0;
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int lineStart(String text, int newline) {
    int previous = text.lastIndexOf('\n', newline - 1);
    return previous + 1;
  }

  /** The first match of {@code pattern} in a sentence, or null. */
  static Matcher find(Pattern pattern, Sentence sentence) {
    Matcher m = pattern.matcher(sentence.text());
    return m.find() ? m : null;
  }
}
