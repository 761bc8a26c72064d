package io.contractflow.platform.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * Breaks text into lines that fit a width in a PDF font, for the PDFs the platform writes itself
 * (generated contracts, certificates of completion): words stay whole unless one alone is too wide,
 * {@code '\n'} starts a new line, and runs of spaces count as one.
 */
public final class PdfTextLines {

  private PdfTextLines() {}

  public static List<String> wrap(String text, PDType1Font font, float size, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String hard : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : hard.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // a word wider than the line is cut where it must be
        while (width(word, font, size) > width) {
          int cut = word.length() - 1;
          while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  public static float width(String text, PDType1Font font, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }
}
