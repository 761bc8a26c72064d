package io.contractflow.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A template's readable source. A header of {@code name:} and {@code description:} lines ends at
 * {@code ---}; then {@code # Title}, {@code ## Heading} and paragraphs separated by blank lines
 * (the lines of a paragraph are joined).
 */
record TemplateSource(String key, String name, String description, List<Block> blocks) {

  enum Kind {
    TITLE,
    HEADING,
    PARAGRAPH
  }

  record Block(Kind kind, String text) {}

  TemplateSource {
    blocks = List.copyOf(blocks);
  }

  /** Every placeholder the template uses, in order of first use. */
  Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    blocks.forEach(b -> names.addAll(Placeholders.in(b.text())));
    return names;
  }

  static TemplateSource parse(String key, String source) {
    String[] lines = source.replace("\r\n", "\n").split("\n", -1);
    String name = key;
    String description = "";
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals("---")) {
        i++;
        break;
      }
      if (line.startsWith("name:")) {
        name = line.substring(5).strip();
      } else if (line.startsWith("description:")) {
        description = line.substring(12).strip();
      } else if (!line.isEmpty()) {
        throw new IllegalArgumentException(
            "Template " + key + ": header line not understood: " + line);
      }
    }
    List<Block> blocks = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        flush(paragraph, blocks);
      }
      if (line.startsWith("## ")) {
        blocks.add(new Block(Kind.HEADING, line.substring(3).strip()));
      } else if (line.startsWith("# ")) {
        blocks.add(new Block(Kind.TITLE, line.substring(2).strip()));
      } else if (!line.isEmpty()) {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
      }
    }
    flush(paragraph, blocks);
    return new TemplateSource(key, name, description, blocks);
  }

  private static void flush(StringBuilder paragraph, List<Block> blocks) {
    if (!paragraph.isEmpty()) {
      blocks.add(new Block(Kind.PARAGRAPH, paragraph.toString()));
      paragraph.setLength(0);
    }
  }
}
