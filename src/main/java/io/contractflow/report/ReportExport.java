package io.contractflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report's table as a file: CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs
 * read it as UTF-8; Apache Commons CSV) or XLSX (Apache POI's streaming workbook: rows go to a
 * temporary file, not the heap). Both hold the column headings and the rows; numbers stay numbers
 * in XLSX. A text cell that begins like a formula ({@code = + - @}, tab, CR) is prefixed with an
 * apostrophe in CSV so that a spreadsheet does not evaluate what a user typed (CSV injection).
 */
final class ReportExport {

  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private ReportExport() {}

  static byte[] csv(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
      writer.write('\ufeff');
      printer.printRecord(report.table().columns().stream().map(Report.Column::title).toList());
      for (List<Object> row : report.table().rows()) {
        printer.printRecord(row.stream().map(ReportExport::csvValue).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Object csvValue(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof String text
        && !text.isEmpty()
        && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return value;
  }

  static byte[] xlsx(Report report) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      Sheet sheet = workbook.createSheet(sheetName(report.report()));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      List<Report.Column> columns = report.table().columns();
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(columns.get(c).title());
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (List<Object> values : report.table().rows()) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // the temporary files are gone (dispose)
      }
    }
  }

  private static String sheetName(String name) {
    return name.length() > 31 ? name.substring(0, 31) : name;
  }
}
