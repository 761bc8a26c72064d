package io.contractflow.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.web.ApiException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

class TemplatePlaceholderTest {

  private final ContractFacts facts = ShippedClauseLibrary.facts();

  @Test
  void replacesPlaceholdersSplitAcrossRunsKeepingTheFirstRunsFormatting() throws Exception {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFParagraph p = doc.createParagraph();
      XWPFRun first = p.createRun();
      first.setBold(true);
      first.setFontSize(14);
      first.setText("Dear {{counter");
      p.createRun().setText("party.na");
      XWPFRun third = p.createRun();
      third.setItalic(true);
      third.setText("me}}, see {{var.x}} & <{{contract.reference}}>");

      assertThat(PlaceholderFiller.placeholdersIn(doc))
          .containsExactly("counterparty.name", "var.x", "contract.reference");
      PlaceholderFiller.fill(
          doc,
          Map.of(
              "counterparty.name",
              "Acme & Söhne <GmbH>",
              "var.x",
              "line 1\nline 2",
              "contract.reference",
              "CF-2026-0042"));

      assertThat(p.getRuns()).hasSize(1);
      XWPFRun run = p.getRuns().get(0);
      assertThat(run.isBold()).isTrue();
      assertThat(run.getFontSizeAsDouble()).isEqualTo(14.0);
      assertThat(PlaceholderFiller.textOf(p))
          .isEqualTo("Dear Acme & Söhne <GmbH>, see line 1\nline 2 & <CF-2026-0042>");

      // the file is well-formed: the values were escaped by POI
      try (XWPFDocument reread =
          new XWPFDocument(new ByteArrayInputStream(DocxTemplateBuilder.bytes(doc)))) {
        assertThat(reread.getParagraphs().get(0).getText())
            .contains("Acme & Söhne <GmbH>")
            .doesNotContain("{{");
      }
    }
  }

  @Test
  void missingAndUnknownPlaceholdersAreListedInOneProblem() {
    assertThatThrownBy(
            () ->
                PlaceholderResolver.resolve(
                    List.of("contract.title", "var.scope", "var.purpose", "contract.colour"),
                    facts,
                    Map.of("purpose", "testing"),
                    (key, version) -> Optional.empty()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(ApiException.from(e).status().value()).isEqualTo(400);
              assertThat(e.problem()).isEqualTo("validation");
              assertThat(e.errors())
                  .extracting(FieldError::field)
                  .containsExactlyInAnyOrder("variables.scope", "template");
              assertThat(e.getMessage())
                  .contains("variables.scope")
                  .contains("{{contract.colour}}");
            });
  }

  @Test
  void blankVariableCountsAsMissing() {
    assertThatThrownBy(
            () ->
                PlaceholderResolver.resolve(
                    List.of("var.scope"),
                    facts,
                    Map.of("scope", "  "),
                    (key, version) -> Optional.empty()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("variables.scope"));
  }

  @Test
  void pinnedClauseVersionWinsOverTheLatest() {
    ClauseLookup library =
        (key, version) -> {
          if (!key.equals("confidentiality")) {
            return Optional.empty();
          }
          return switch (version == null ? 2 : version) {
            case 1 -> Optional.of("Version one keeps secrets.");
            case 2 -> Optional.of("Version two keeps secrets of {{counterparty.name}}.");
            default -> Optional.empty();
          };
        };
    Map<String, String> values =
        PlaceholderResolver.resolve(
            List.of("clause:confidentiality@1", "clause:confidentiality"),
            facts,
            Map.of(),
            library);

    assertThat(values)
        .containsEntry("clause:confidentiality@1", "Version one keeps secrets.")
        .containsEntry("clause:confidentiality", "Version two keeps secrets of Acme GmbH.");
    assertThatThrownBy(
            () ->
                PlaceholderResolver.resolve(
                    List.of("clause:confidentiality@3"), facts, Map.of(), library))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.getMessage()).contains("no version 3"));
  }

  @Test
  void variablesMayNotSmuggleInPlaceholders() {
    assertThatThrownBy(
            () ->
                PlaceholderResolver.resolve(
                    List.of("var.scope"),
                    facts,
                    Map.of("scope", "{{owner}}"),
                    (key, version) -> Optional.empty()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).contains("variables.scope"));
  }

  @Test
  void contractFactsAreFormatted() {
    assertThat(facts.values())
        .containsEntry("contract.value", "12,000.50 EUR")
        .containsEntry("contract.startDate", "1 January 2026")
        .containsEntry("renewal.autoRenew", "Yes")
        .containsEntry("renewal.termMonths", "12");
    assertThat(ContractFacts.money(new java.math.BigDecimal("1500000"), "JPY"))
        .isEqualTo("1,500,000 JPY");
  }
}
