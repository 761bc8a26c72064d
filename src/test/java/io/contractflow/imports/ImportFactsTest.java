package io.contractflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.extraction.ExtractedFact;
import io.contractflow.extraction.FactField;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.RejectedContentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The extractor's facts as the import's fields, the CSV's on top; the CSV's and ZIP's checks. */
class ImportFactsTest {

  static final ImportProperties LIMITS =
      new ImportProperties(DataSize.ofMegabytes(50), 10, DataSize.ofMegabytes(5), 100, 0.8, "EUR");

  @Test
  void extractedFactsBecomeFieldsAndTheCsvWins() {
    var extracted =
        List.of(
            new ExtractedFact(FactField.PARTIES, "Us Ltd | Acme GmbH", "between Us and Acme", 0.9),
            new ExtractedFact(FactField.EFFECTIVE_DATE, "2026-01-01", "effective 1 Jan", 0.95),
            new ExtractedFact(FactField.TERM, "P1Y", "for one year", 0.6),
            new ExtractedFact(FactField.NOTICE_PERIOD, "P3M", "three months' notice", 0.7),
            new ExtractedFact(FactField.VALUE, "12000.00", "EUR 12,000", 0.85),
            new ExtractedFact(FactField.CURRENCY, "EUR", "EUR 12,000", 0.85));
    var csv = Map.of(ImportedField.VALUE, new ImportFact("15000", "CSV row 2", 1.0));

    Map<ImportedField, ImportFact> facts = ImportFacts.merge(extracted, csv);

    assertThat(facts.get(ImportedField.COUNTERPARTY).value()).isEqualTo("Acme GmbH");
    assertThat(facts.get(ImportedField.END_DATE).value()).isEqualTo("2026-12-31");
    assertThat(facts.get(ImportedField.END_DATE).confidence()).isEqualTo(0.6);
    assertThat(facts.get(ImportedField.RENEWAL_TERM_MONTHS).value()).isEqualTo("12");
    assertThat(facts.get(ImportedField.NOTICE_PERIOD_DAYS).value()).isEqualTo("90");
    assertThat(facts.get(ImportedField.VALUE)).isEqualTo(csv.get(ImportedField.VALUE));
    assertThat(ImportFacts.allConfident(facts, 0.8)).isFalse();
    assertThat(ImportSteps.doubtful(facts, 0.8))
        .containsExactlyInAnyOrder(
            "importedEndDate", "importedRenewalTermMonths", "importedNoticePeriodDays");
  }

  @Test
  void aCsvRowGivesCertainFacts() {
    byte[] csv =
        ("\uFEFFfile,endDate,autoRenewal,noticePeriod,value,currency,type\n"
                + "a.pdf,2027-03-31,yes,P30D,\"1,200.50\",usd,lease\n")
            .getBytes(StandardCharsets.UTF_8);

    ImportCsv.Row row = ImportCsv.read(csv).get("a.pdf");

    assertThat(row.number()).isEqualTo(2);
    assertThat(row.facts().get(ImportedField.END_DATE))
        .isEqualTo(new ImportFact("2027-03-31", "CSV row 2", 1.0));
    assertThat(row.facts().get(ImportedField.AUTO_RENEW).value()).isEqualTo("true");
    assertThat(row.facts().get(ImportedField.NOTICE_PERIOD_DAYS).value()).isEqualTo("30");
    assertThat(row.facts().get(ImportedField.VALUE).value()).isEqualTo("1200.50");
    assertThat(row.facts().get(ImportedField.CURRENCY).value()).isEqualTo("USD");
    assertThat(row.facts().get(ImportedField.TYPE).value()).isEqualTo("LEASE");
  }

  @Test
  void aCsvRowsCustomFieldColumnsGiveValuesByKey() {
    byte[] csv =
        ("file,type,cf.Region,cf.budget\n" + "a.pdf,lease, EMEA ,\"1,200.50 EUR\"\nb.pdf,nda,,\n")
            .getBytes(StandardCharsets.UTF_8);

    var rows = ImportCsv.read(csv);

    assertThat(rows.get("a.pdf").customFields())
        .containsExactly(Map.entry("budget", "1,200.50 EUR"), Map.entry("region", "EMEA"));
    assertThat(rows.get("b.pdf").customFields()).isEmpty();
    assertThatThrownBy(
            () -> ImportCsv.read("file,cf.bad-key\na.pdf,x\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown column 'cf.bad-key'");
  }

  @Test
  void theArchiveIsReadWithFoldersAndWithoutClutter() {
    var entries = ContractFiles.entries();
    entries.put("2024/", new byte[0]);
    entries.put("2024/a.pdf", ContractFiles.pdf("A"));
    entries.put("__MACOSX/2024/._a.pdf", new byte[] {1});
    entries.put(".DS_Store", new byte[] {1});

    var read = ImportArchive.read(ContractFiles.zip(entries), LIMITS, 1_000_000);

    assertThat(read).extracting(ImportArchive.Entry::name).containsExactly("2024/a.pdf");
  }

  @Test
  void unsafeArchivesAreRefused() {
    assertThatThrownBy(() -> read("a/../../b.pdf", new byte[] {1}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsafe name");
    assertThatThrownBy(() -> read("C:/b.pdf", new byte[] {1})).hasMessageContaining("unsafe name");
    assertThatThrownBy(() -> read("big.pdf", new byte[2_000_000]))
        .isInstanceOf(RejectedContentException.class);
    var many = ContractFiles.entries();
    for (int i = 0; i < 11; i++) {
      many.put(i + ".pdf", new byte[] {(byte) i});
    }
    assertThatThrownBy(() -> ImportArchive.read(ContractFiles.zip(many), LIMITS, 1_000_000))
        .isInstanceOf(RejectedContentException.class)
        .hasMessageContaining("more than 10 entries");
  }

  private static List<ImportArchive.Entry> read(String name, byte[] content) {
    var entries = ContractFiles.entries();
    entries.put(name, content);
    return ImportArchive.read(ContractFiles.zip(entries), LIMITS, 1_000_000);
  }
}
