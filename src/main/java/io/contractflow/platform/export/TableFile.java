package io.contractflow.platform.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as a file to download: CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet
 * programs read it as UTF-8; Apache Commons CSV) or XLSX (Apache POI's streaming workbook: rows go
 * to a temporary file, not the heap). Both hold the column headings and the rows; numbers stay
 * numbers in XLSX. A text cell that begins like a formula ({@code = + - @}, tab, CR) is prefixed
 * with an apostrophe in CSV so that a spreadsheet does not evaluate what a user typed (CSV
 * injection).
 */
public final class TableFile {

  public static final String CSV = "text/csv";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private TableFile() {}

  /** The formats a table downloads as, by their name in a {@code format} parameter. */
  public static boolean isFormat(String format) {
    return "csv".equals(format) || "xlsx".equals(format);
  }

  /**
   * The table as an attachment named {@code <name>-<day>.<format>}: {@code format} is {@code csv}
   * or {@code xlsx} ({@link #isFormat}).
   */
  public static ResponseEntity<byte[]> download(
      String name, LocalDate day, String format, List<String> headings, List<List<Object>> rows) {
    boolean csv = format.equals("csv");
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name + "-" + day + "." + format)
                .build()
                .toString())
        .contentType(
            csv
                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType(XLSX))
        .body(csv ? csv(headings, rows) : xlsx(name, headings, rows));
  }

  public static byte[] csv(List<String> headings, List<List<Object>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
      writer.write('\ufeff');
      printer.printRecord(headings);
      for (List<Object> row : rows) {
        printer.printRecord(row.stream().map(TableFile::csvValue).toList());
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

  public static byte[] xlsx(String sheetName, List<String> headings, List<List<Object>> rows) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      Sheet sheet = workbook.createSheet(sheetName(sheetName));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int c = 0; c < headings.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(headings.get(c));
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (List<Object> values : rows) {
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
