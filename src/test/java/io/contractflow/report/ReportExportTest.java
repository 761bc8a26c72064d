package io.contractflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportExportTest {

  private static final Report REPORT =
      new Report(
          "portfolio",
          "Portfolio",
          Instant.EPOCH,
          "all",
          Map.of(),
          List.of(),
          List.of(),
          new Report.Table(
              List.of(
                  new Report.Column("key", "Value", "string"),
                  new Report.Column("n", "Contracts", "number"),
                  new Report.Column("v", "Value in EUR", "number")),
              List.of(
                  Arrays.asList("=HYPERLINK(\"http://evil\")", 3L, new BigDecimal("1234.50")),
                  Arrays.asList("Müller, \"Ltd\"", 1L, null))));

  @Test
  void csvQuotesEscapesAndDefusesFormulas() {
    String csv = new String(ReportExport.csv(REPORT), StandardCharsets.UTF_8);
    assertThat(csv)
        .isEqualTo(
            "\ufeffValue,Contracts,Value in EUR\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",3,1234.50\r\n"
                + "\"Müller, \"\"Ltd\"\"\",1,\r\n");
  }

  @Test
  void xlsxKeepsNumbersAsNumbers() throws Exception {
    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(ReportExport.xlsx(REPORT)))) {
      Sheet sheet = workbook.getSheet("portfolio");
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Value in EUR");
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1234.5);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Müller, \"Ltd\"");
      assertThat(sheet.getRow(2).getCell(2)).as("no value, no cell").isNull();
    }
  }

  @Test
  void theWeeklyMailIsOptIn() {
    // disabled, it reads no report and writes no mail: its collaborators are absent, any use fails
    weeklyMail(false).onSchedule();
    assertThatThrownBy(() -> weeklyMail(true).onSchedule())
        .as("enabled, it does use them")
        .isInstanceOf(NullPointerException.class);
  }

  private static WeeklyReportMail weeklyMail(boolean enabled) {
    return new WeeklyReportMail(
        new ReportProperties(
            new ReportProperties.WeeklyMail(enabled, "0 0 7 * * MON", ZoneId.of("UTC"))),
        null,
        null,
        null,
        null,
        new org.springframework.jdbc.datasource.DataSourceTransactionManager(),
        java.time.Clock.systemUTC());
  }
}
