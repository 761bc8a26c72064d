package io.contractflow.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;

/** Turns a template's readable source into a Word document, placeholders and all. */
@Component
class DocxTemplateBuilder {

  static final String TITLE_STYLE = "Title";
  static final String HEADING_STYLE = "Heading1";
  static final String FONT = "Calibri";

  XWPFDocument document(TemplateSource template) {
    XWPFDocument doc = new XWPFDocument();
    doc.getProperties().getCoreProperties().setTitle(template.name());
    for (TemplateSource.Block block : template.blocks()) {
      XWPFParagraph p = doc.createParagraph();
      XWPFRun run = p.createRun();
      run.setFontFamily(FONT);
      run.setText(block.text());
      switch (block.kind()) {
        case TITLE -> {
          p.setStyle(TITLE_STYLE);
          p.setAlignment(ParagraphAlignment.CENTER);
          p.setSpacingAfter(240);
          run.setBold(true);
          run.setFontSize(16);
        }
        case HEADING -> {
          p.setStyle(HEADING_STYLE);
          p.setSpacingBefore(240);
          p.setSpacingAfter(120);
          run.setBold(true);
          run.setFontSize(12);
        }
        case PARAGRAPH -> {
          p.setAlignment(ParagraphAlignment.BOTH);
          p.setSpacingAfter(160);
          run.setFontSize(11);
        }
      }
    }
    return doc;
  }

  byte[] build(TemplateSource template) {
    try (XWPFDocument doc = document(template)) {
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(XWPFDocument doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
