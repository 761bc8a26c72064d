package io.contractflow.imports;

import io.contractflow.extraction.ContractCorpus;
import io.contractflow.extraction.FactField;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business's folder of signed contracts, made of the labelled corpus ({@link ContractCorpus}) for
 * an import test: each contract's years moved so that its dates are relative to {@code today}
 * (ended ones ended before today, running ones end well after it), rendered as a text PDF, a
 * scanned PDF (page images only) or a DOCX, with a line naming a reference word of its own (a made
 * word, so every file is new to the platform and findable by its text alone), and a CSV of known
 * facts for some. Years move by multiples of four, so every date keeps its weekday-free meaning and
 * 29 February stays a date.
 */
public final class ImportFolder {

  /** How a file is rendered. */
  public enum Format {
    TEXT_PDF("pdf"),
    SCANNED_PDF("pdf"),
    DOCX("docx");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  /**
   * One file of the folder.
   *
   * @param path its path in the ZIP
   * @param corpusName the labelled contract it was made of
   * @param labels the facts it states, its dates moved with its text
   * @param text the text it was rendered from
   * @param reference the made word only this file holds (its last line)
   * @param csvRow its CSV row's title and owner, or null if the CSV does not name it
   */
  public record File(
      String path,
      Format format,
      String corpusName,
      Map<FactField, String> labels,
      String text,
      String reference,
      CsvRow csvRow,
      byte[] content) {

    /** The end date it states, or null for a contract that runs until ended. */
    public LocalDate endDate() {
      String end = labels.get(FactField.END_DATE);
      return end == null ? null : LocalDate.parse(end);
    }

    /** Whether its end date has passed on {@code today}. */
    public boolean ended(LocalDate today) {
      return endDate() != null && endDate().isBefore(today);
    }
  }

  /** What the CSV says of a file besides its dates. */
  public record CsvRow(String title, String owner) {}

  /** Corpus contracts rendered as scans (one page each: OCR is slow). */
  static final Set<String> SCANNED =
      Set.of(
          "h05-msa-us-net30",
          "k03-saas-eu",
          "t11-services-us-ocr-style",
          "h11-subcontract-ocr",
          "h16-it-support-de",
          "t14-hosting-order");

  static final Set<String> DOCX =
      Set.of(
          "h01-employment-us",
          "h04-nda-simple",
          "h07-distribution",
          "h10-catering",
          "h13-residential-tenancy-uk",
          "k01-staffing-ca",
          "k06-service-de-en",
          "k08-coaching-individual",
          "t04-commercial-lease",
          "t06-employment-uk",
          "t09-maintenance-short",
          "t13-supply-agreement");

  /** Fixed-term contracts that ended before the import. */
  static final Set<String> ENDED =
      Set.of(
          "k03-saas-eu",
          "h11-subcontract-ocr",
          "h04-nda-simple",
          "h13-residential-tenancy-uk",
          "k08-coaching-individual",
          "t09-maintenance-short",
          "h14-marketing-retainer",
          "k02-consultancy-uk-short",
          "t05-consulting-us",
          "t16-equipment-rental");

  /** Contracts the CSV names (some for rita, the rest for the importer). */
  static final Map<String, String> CSV_OWNERS =
      Map.of(
          "t02-msa-uk", "rita",
          "t03-saas-subscription", "",
          "h07-distribution", "rita",
          "k05-warehouse-lease-us", "",
          "h14-marketing-retainer", "rita",
          "t09-maintenance-short", "",
          "k04-nda-us-perpetual", "rita",
          "h05-msa-us-net30", "");

  private static final Pattern YEAR = Pattern.compile("\\b(20[2-4][0-9])\\b");
  private static final String[] SYLLABLES = {
    "ba", "be", "bi", "bo", "da", "de", "di", "do", "ka", "ke", "ki", "ko", "ma", "me", "mi", "mo",
    "na", "ne", "ni", "no", "ra", "re", "ri", "ro", "ta", "te", "ti", "to", "va", "ve", "vi", "vo"
  };

  private final List<File> files;
  private final String csv;

  private ImportFolder(List<File> files, String csv) {
    this.files = files;
    this.csv = csv;
  }

  /**
   * Every labelled contract of the corpus as one file, dated relative to {@code today}, with words
   * of its own drawn from {@code seed}.
   */
  public static ImportFolder of(LocalDate today, long seed) {
    Random random = new Random(seed);
    List<File> files = new ArrayList<>();
    StringBuilder csv =
        new StringBuilder(
            "file,title,type,counterparty,effectiveDate,endDate,autoRenewal,renewalTerm,"
                + "noticePeriod,value,currency,owner\n");
    for (ContractCorpus.Labelled contract : ContractCorpus.all()) {
      String name = contract.name();
      Format format =
          SCANNED.contains(name)
              ? Format.SCANNED_PDF
              : DOCX.contains(name) ? Format.DOCX : Format.TEXT_PDF;
      int years = yearsToMove(contract.labels(), today, ENDED.contains(name));
      Map<FactField, String> labels = moved(contract.labels(), years);
      String reference = word(random, 5);
      String text = moveYears(contract.text(), years) + "\n\nArchive reference: " + reference + ".";
      String folder =
          switch (format) {
            case SCANNED_PDF -> "scans/";
            case DOCX -> "word/";
            case TEXT_PDF -> name.startsWith("t") ? "signed/" : "";
          };
      String path = folder + name + "." + format.extension();
      CsvRow row = null;
      if (CSV_OWNERS.containsKey(name)) {
        String owner = CSV_OWNERS.get(name);
        // (a title without the reference word: the scans are to be found by their text alone)
        row = new CsvRow(title(name) + " (imported)", owner.isEmpty() ? null : owner);
        csv.append(path)
            .append(',')
            .append(row.title())
            .append(",,,")
            .append(labels.getOrDefault(FactField.EFFECTIVE_DATE, ""))
            .append(',')
            .append(labels.getOrDefault(FactField.END_DATE, ""))
            .append(",,,,,,")
            .append(owner)
            .append('\n');
      }
      files.add(new File(path, format, name, labels, text, reference, row, render(format, text)));
    }
    return new ImportFolder(List.copyOf(files), csv.toString());
  }

  public List<File> files() {
    return files;
  }

  /** The ZIP: every file, and {@code copies} of them again under other names (same bytes). */
  public byte[] zip(List<File> copies) {
    Map<String, byte[]> entries = ContractFiles.entries();
    files.forEach(f -> entries.put(f.path(), f.content()));
    copies.forEach(f -> entries.put("copies/" + f.path().replace('/', '-'), f.content()));
    return ContractFiles.zip(entries);
  }

  public byte[] csv() {
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  /** The file rendered as the format says. */
  public static byte[] render(Format format, String text) {
    return switch (format) {
      case TEXT_PDF -> ContractCorpus.textPdf(text);
      case SCANNED_PDF -> ContractCorpus.scannedPdf(text);
      case DOCX -> ContractCorpus.docx(text);
    };
  }

  /**
   * How many years (a multiple of four) to move a contract: an ended one so that it ended at least
   * 30 days ago, a running one so that it ends more than 330 days from now (its renewal decision,
   * asked up to nine months' notice and 30 days before the end, still ahead), one without an end so
   * that it began at least 30 days ago.
   */
  public static int yearsToMove(Map<FactField, String> labels, LocalDate today, boolean ended) {
    String end = labels.get(FactField.END_DATE);
    String start = labels.get(FactField.EFFECTIVE_DATE);
    if (end == null) {
      LocalDate began = LocalDate.parse(start);
      int years = 4 * (int) Math.ceil((today.getYear() - began.getYear() + 1) / 4.0);
      while (!began.plusYears(years).isBefore(today.minusDays(30))) {
        years -= 4;
      }
      return years;
    }
    LocalDate ends = LocalDate.parse(end);
    int years = 4 * Math.floorDiv(today.getYear() - ends.getYear() - 8, 4);
    if (ended) {
      while (ends.plusYears(years + 4).isBefore(today.minusDays(30))) {
        years += 4;
      }
    } else {
      while (!ends.plusYears(years).isAfter(today.plusDays(330))) {
        years += 4;
      }
    }
    return years;
  }

  /** The text with every year moved. */
  public static String moveYears(String text, int years) {
    Matcher matcher = YEAR.matcher(text);
    return matcher.replaceAll(m -> String.valueOf(Integer.parseInt(m.group(1)) + years));
  }

  private static Map<FactField, String> moved(Map<FactField, String> labels, int years) {
    Map<FactField, String> moved = new EnumMap<>(FactField.class);
    labels.forEach(
        (field, value) ->
            moved.put(
                field,
                field == FactField.EFFECTIVE_DATE || field == FactField.END_DATE
                    ? LocalDate.parse(value).plusYears(years).toString()
                    : value));
    return moved;
  }

  /** A made word of {@code syllables} syllables (letters Tesseract reads without doubt). */
  public static String word(Random random, int syllables) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return word.toString();
  }

  private static String title(String corpusName) {
    String words = corpusName.substring(4).replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The folder's files by path. */
  public Map<String, File> byPath() {
    Map<String, File> map = new LinkedHashMap<>();
    files.forEach(f -> map.put(f.path(), f));
    return map;
  }
}
