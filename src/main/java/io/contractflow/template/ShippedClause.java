package io.contractflow.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A clause as shipped in {@code templates/clauses/<key>.txt}: a {@code title:} line, then
 * paragraphs.
 */
record ShippedClause(String key, String title, String text) {

  /** Paragraphs are separated by blank lines; in the clause's text they become line breaks. */
  static ShippedClause parse(String key, String source) {
    String[] lines = source.replace("\r\n", "\n").strip().split("\n");
    if (!lines[0].startsWith("title:")) {
      throw new IllegalArgumentException("Clause " + key + " must start with a 'title:' line");
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        if (!paragraph.isEmpty()) {
          paragraphs.add(paragraph.toString());
          paragraph.setLength(0);
        }
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
      }
    }
    if (!paragraph.isEmpty()) {
      paragraphs.add(paragraph.toString());
    }
    return new ShippedClause(key, lines[0].substring(6).strip(), String.join("\n", paragraphs));
  }
}
