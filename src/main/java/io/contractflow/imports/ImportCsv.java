package io.contractflow.imports;

import io.contractflow.contract.ContractType;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The known facts per file of an import, from its optional CSV: a header row naming {@code file}
 * (the file's path in the ZIP, or its name) and any of {@code title, type, counterparty,
 * effectiveDate, endDate, autoRenewal, renewalTerm, noticePeriod, value, currency, owner}, and a
 * column {@code cf.<key>} per custom field. Every value is checked before anything is stored; all
 * faults are named in one 400. Custom field values are checked against the field when the file's
 * contract is made (its type may come from the text): a bad one refuses that file.
 */
final class ImportCsv {

  /**
   * One row: its number (the header is row 1), its facts, the owner it names, if any, and its
   * custom field values by key (columns {@code cf.<key>}, checked when the contract is made).
   */
  record Row(
      int number,
      Map<ImportedField, ImportFact> facts,
      String owner,
      Map<String, String> customFields) {}

  /** A custom field's column: {@code cf.} and the field's key. */
  static final java.util.regex.Pattern CUSTOM_FIELD_COLUMN =
      java.util.regex.Pattern.compile("cf\\.([a-z][a-z0-9_]{0,39})");

  static final Set<String> COLUMNS =
      Set.of(
          "file",
          "title",
          "type",
          "counterparty",
          "effectivedate",
          "enddate",
          "autorenewal",
          "renewalterm",
          "noticeperiod",
          "value",
          "currency",
          "owner");

  private static final int MAX_ROWS = 10_000;

  private ImportCsv() {}

  /** The rows by the file they name (lower case). */
  static Map<String, Row> read(byte[] csv) {
    String text = utf8(csv);
    List<FieldError> errors = new ArrayList<>();
    Map<String, Row> rows = new HashMap<>();
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, String> columns = new HashMap<>();
      for (String header : parser.getHeaderNames()) {
        String key = header.strip().toLowerCase(Locale.ROOT);
        if (!COLUMNS.contains(key) && !CUSTOM_FIELD_COLUMN.matcher(key).matches()) {
          errors.add(new FieldError("csv", "unknown column '" + header + "'"));
        }
        columns.put(key, header);
      }
      if (!columns.containsKey("file")) {
        throw invalid(List.of(new FieldError("csv", "needs a 'file' column")));
      }
      for (CSVRecord record : parser) {
        int number = (int) record.getRecordNumber() + 1;
        if (number > MAX_ROWS) {
          errors.add(new FieldError("csv", "more than " + MAX_ROWS + " rows"));
          break;
        }
        Map<String, String> values = new HashMap<>();
        columns.forEach(
            (key, header) -> {
              if (record.isSet(header) && !record.get(header).isBlank()) {
                values.put(key, record.get(header));
              }
            });
        String file = values.get("file");
        if (file == null) {
          errors.add(new FieldError("csv row " + number, "names no file"));
          continue;
        }
        Map<ImportedField, ImportFact> facts = new EnumMap<>(ImportedField.class);
        String passage = "CSV row " + number;
        values.forEach(
            (key, value) -> {
              try {
                fact(key, value.strip())
                    .ifPresent(f -> facts.put(f.field(), new ImportFact(f.value(), passage, 1.0)));
              } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                errors.add(new FieldError("csv row " + number + " " + key, e.getMessage()));
              }
            });
        Map<String, String> custom = new java.util.TreeMap<>();
        values.forEach(
            (key, value) -> {
              var column = CUSTOM_FIELD_COLUMN.matcher(key);
              if (column.matches()) {
                if (value.strip().length() > 1000) {
                  errors.add(
                      new FieldError(
                          "csv row " + number + " " + key, "is longer than 1000 characters"));
                } else {
                  custom.put(column.group(1), value.strip());
                }
              }
            });
        String owner = values.get("owner");
        if (owner != null && !owner.matches("[A-Za-z0-9._@-]{1,64}")) {
          errors.add(new FieldError("csv row " + number + " owner", "is no user name"));
        }
        if (rows.put(file.toLowerCase(Locale.ROOT), new Row(number, facts, owner, custom))
            != null) {
          errors.add(new FieldError("csv row " + number, "names " + file + " a second time"));
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw invalid(List.of(new FieldError("csv", "is not readable CSV: " + e.getMessage())));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return rows;
  }

  private record Parsed(ImportedField field, String value) {}

  private static java.util.Optional<Parsed> fact(String key, String value) {
    return java.util.Optional.ofNullable(
        switch (key) {
          case "title" -> new Parsed(ImportedField.TITLE, limited(value, 200));
          case "type" -> new Parsed(ImportedField.TYPE, type(value));
          case "counterparty" -> new Parsed(ImportedField.COUNTERPARTY, limited(value, 200));
          case "effectivedate" -> new Parsed(ImportedField.START_DATE, date(value));
          case "enddate" -> new Parsed(ImportedField.END_DATE, date(value));
          case "autorenewal" -> new Parsed(ImportedField.AUTO_RENEW, bool(value));
          case "renewalterm" ->
              new Parsed(ImportedField.RENEWAL_TERM_MONTHS, String.valueOf(months(value)));
          case "noticeperiod" ->
              new Parsed(ImportedField.NOTICE_PERIOD_DAYS, String.valueOf(days(value)));
          case "value" -> new Parsed(ImportedField.VALUE, amount(value));
          case "currency" -> new Parsed(ImportedField.CURRENCY, currency(value));
          default -> null;
        });
  }

  static String date(String value) {
    try {
      return LocalDate.parse(value).toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date (yyyy-mm-dd)");
    }
  }

  static String limited(String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException("is longer than " + max + " characters");
    }
    return value;
  }

  static String type(String value) {
    try {
      return ContractType.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_')).name();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be one of " + java.util.Arrays.toString(ContractType.values()));
    }
  }

  static String bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> "true";
      case "false", "no", "n", "0" -> "false";
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  /** Whole days, or an ISO-8601 period (P30D, P3M) counted in days. */
  static int days(String value) {
    if (value.matches("\\d{1,4}")) {
      return Integer.parseInt(value);
    }
    Period period = period(value);
    return Math.toIntExact(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
  }

  /** Whole months, or an ISO-8601 period (P1Y, P6M) in months. */
  static int months(String value) {
    if (value.matches("\\d{1,3}")) {
      return Integer.parseInt(value);
    }
    Period period = period(value);
    return Math.toIntExact(period.toTotalMonths());
  }

  private static Period period(String value) {
    try {
      return Period.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a whole number or an ISO-8601 period (P30D)");
    }
  }

  static String amount(String value) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.replace(",", "").replace(" ", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a decimal amount");
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return amount.toPlainString();
  }

  static String currency(String value) {
    try {
      return java.util.Currency.getInstance(value.toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be an ISO 4217 currency code");
    }
  }

  private static String utf8(byte[] csv) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(csv))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw invalid(List.of(new FieldError("csv", "must be UTF-8 text")));
    }
  }

  private static InvalidInputException invalid(List<FieldError> errors) {
    return new InvalidInputException(
        "invalid-csv",
        errors.size() == 1
            ? "The CSV " + errors.get(0).message()
            : "The CSV has " + errors.size() + " faults",
        errors);
  }
}
