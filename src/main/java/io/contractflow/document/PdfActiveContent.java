package io.contractflow.document;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;

/**
 * Finds actions in a PDF that run something when the document is opened or touched: launching a
 * program ({@code /Launch}), JavaScript ({@code /JavaScript} or a {@code /JS} entry), importing
 * form data from a file ({@code /ImportData}), or an XFA form (which carries scripts of its own).
 * Every object reachable from the catalog is visited once (open action, {@code /AA} of the
 * document, pages, annotations and form fields, names, outlines), so an action is found wherever it
 * is attached. Streams are not decoded: actions are dictionaries, never stream data.
 */
final class PdfActiveContent {

  /** Beyond this many objects the document is refused as too complex to inspect. */
  static final int MAX_OBJECTS = 500_000;

  private static final COSName LAUNCH = COSName.getPDFName("Launch");
  private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
  private static final COSName IMPORT_DATA = COSName.getPDFName("ImportData");
  private static final COSName JS = COSName.getPDFName("JS");
  private static final COSName XFA = COSName.getPDFName("XFA");

  private PdfActiveContent() {}

  /**
   * What the document would do, in words ("launch a program"), or empty when it holds no such
   * action.
   */
  static Optional<String> find(COSBase root) {
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<COSBase> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      COSBase next = pending.pop();
      COSBase object = next instanceof COSObject indirect ? indirect.getObject() : next;
      if (object == null || !seen.add(object)) {
        continue;
      }
      if (seen.size() > MAX_OBJECTS) {
        return Optional.of("hold more than " + MAX_OBJECTS + " objects");
      }
      if (object instanceof COSDictionary dictionary) {
        COSBase kind = dictionary.getDictionaryObject(COSName.S);
        if (LAUNCH.equals(kind)) {
          return Optional.of("launch a program");
        }
        if (JAVASCRIPT.equals(kind) || dictionary.containsKey(JS)) {
          return Optional.of("run JavaScript");
        }
        if (IMPORT_DATA.equals(kind)) {
          return Optional.of("import data from a file");
        }
        if (dictionary.containsKey(XFA)) {
          return Optional.of("hold an XFA form");
        }
        for (COSName key : dictionary.keySet()) {
          if (!COSName.PARENT.equals(key)) {
            pending.push(dictionary.getItem(key));
          }
        }
      } else if (object instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          pending.push(array.get(i));
        }
      }
    }
    return Optional.empty();
  }
}
