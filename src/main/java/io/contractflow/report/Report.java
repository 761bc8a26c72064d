package io.contractflow.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One report as the API returns it: the charts (labels and series, ready for a chart library) and
 * the table behind them (what the CSV and XLSX exports hold).
 *
 * @param report the report's name, as in its path
 * @param title what it shows
 * @param generatedAt when it was computed
 * @param scope {@code all} (admins, auditors) or {@code readable} (the caller's own and shared
 *     contracts)
 * @param parameters the parameters it was computed with, defaults filled in
 * @param notes how to read it (units, what is left out)
 * @param charts the series to draw
 * @param table the rows
 */
@Schema(description = "A report: charts (series) and the table behind them")
public record Report(
    String report,
    String title,
    Instant generatedAt,
    String scope,
    Map<String, Object> parameters,
    List<String> notes,
    List<Chart> charts,
    Table table) {

  /**
   * One chart: a label per point and one or more series of values.
   *
   * @param kind {@code bar} or {@code line}
   */
  public record Chart(
      String id, String title, String kind, List<String> labels, List<Series> series) {}

  /** One series of a chart, a value per label. */
  public record Series(String name, List<Number> data) {}

  /** A column: its key, its heading and its type ({@code string}, {@code number}, {@code date}). */
  public record Column(String key, String title, String type) {}

  /** The rows; each row has one value per column, in order. */
  public record Table(List<Column> columns, List<List<Object>> rows) {}
}
