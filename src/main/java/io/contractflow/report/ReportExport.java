package io.contractflow.report;

import io.contractflow.platform.export.TableFile;
import java.util.List;

/** A report's table as a file ({@link TableFile}): its columns' titles and its rows. */
final class ReportExport {

  static final String CSV = TableFile.CSV;
  static final String XLSX = TableFile.XLSX;

  private ReportExport() {}

  static byte[] csv(Report report) {
    return TableFile.csv(headings(report), report.table().rows());
  }

  static byte[] xlsx(Report report) {
    return TableFile.xlsx(report.report(), headings(report), report.table().rows());
  }

  static List<String> headings(Report report) {
    return report.table().columns().stream().map(Report.Column::title).toList();
  }
}
