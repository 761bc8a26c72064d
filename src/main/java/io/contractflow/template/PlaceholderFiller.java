package io.contractflow.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * Replaces placeholders in a Word document. Word often splits {@code {{contract.title}}} over
 * several runs (spell checking, an edit in the middle), so each paragraph is handled as the
 * concatenation of its runs' text: when it holds a placeholder, its runs are replaced by one run
 * with the first run's formatting and the filled text. Line breaks in a value become Word line
 * breaks. All text goes through POI, which escapes it.
 */
final class PlaceholderFiller {

  private PlaceholderFiller() {}

  /** Every placeholder in the document (body, tables, headers, footers), in order of first use. */
  static Set<String> placeholdersIn(XWPFDocument doc) {
    Set<String> names = new LinkedHashSet<>();
    for (XWPFParagraph p : paragraphs(doc)) {
      names.addAll(Placeholders.in(textOf(p)));
    }
    return names;
  }

  /**
   * Fills every placeholder; {@code values} must hold a value for each (see {@link
   * PlaceholderResolver}).
   */
  static void fill(XWPFDocument doc, Map<String, String> values) {
    for (XWPFParagraph p : paragraphs(doc)) {
      fill(p, values);
    }
    for (XWPFParagraph p : paragraphs(doc)) {
      if (textOf(p).contains("{{")) {
        throw new IllegalStateException("A placeholder was left unfilled: " + textOf(p));
      }
    }
  }

  static void fill(XWPFParagraph p, Map<String, String> values) {
    String before = textOf(p);
    if (Placeholders.in(before).isEmpty()) {
      return;
    }
    String after = Placeholders.replace(before, values);
    List<XWPFRun> runs = p.getRuns();
    CTRPr format =
        runs.get(0).getCTR().isSetRPr() ? (CTRPr) runs.get(0).getCTR().getRPr().copy() : null;
    for (int i = runs.size() - 1; i >= 0; i--) {
      p.removeRun(i);
    }
    XWPFRun run = p.createRun();
    if (format != null) {
      run.getCTR().setRPr(format);
    }
    String[] lines = after.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i]);
    }
  }

  /** The paragraph's text as the concatenation of its runs. */
  static String textOf(XWPFParagraph p) {
    StringBuilder text = new StringBuilder();
    for (XWPFRun run : p.getRuns()) {
      text.append(run.text());
    }
    return text.toString();
  }

  static List<XWPFParagraph> paragraphs(XWPFDocument doc) {
    List<XWPFParagraph> all = new ArrayList<>();
    collect(doc.getBodyElements(), all);
    for (XWPFHeader header : doc.getHeaderList()) {
      collect(header.getBodyElements(), all);
    }
    for (XWPFFooter footer : doc.getFooterList()) {
      collect(footer.getBodyElements(), all);
    }
    return all;
  }

  private static void collect(List<IBodyElement> elements, List<XWPFParagraph> into) {
    for (IBodyElement element : elements) {
      if (element instanceof XWPFParagraph p) {
        into.add(p);
      } else if (element instanceof XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            collect(cell.getBodyElements(), into);
          }
        }
      }
    }
  }
}
