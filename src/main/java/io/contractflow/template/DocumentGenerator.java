package io.contractflow.template;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.counterparty.Counterparty;
import io.contractflow.counterparty.CounterpartyService;
import io.contractflow.document.DocumentService;
import io.contractflow.document.DocumentType;
import io.contractflow.document.DocumentVersionResponse;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Service;

/**
 * Fills a template for a contract and stores the result as two new document versions — the DOCX,
 * then the PDF rendered from the same filled content — through the document upload pipeline. Both
 * files are produced before either is stored, so a template that cannot be filled stores nothing;
 * both are stored in one transaction and recorded as one generation in the contract's trail.
 */
@Service
class DocumentGenerator {

  private final ContractGuard contracts;
  private final CounterpartyService counterparties;
  private final DocumentService documents;
  private final TemplateCatalog catalog;
  private final DocxTemplateBuilder builder;
  private final PdfRenderer renderer;
  private final ClauseLookup clauses;

  DocumentGenerator(
      ContractGuard contracts,
      CounterpartyService counterparties,
      DocumentService documents,
      TemplateCatalog catalog,
      DocxTemplateBuilder builder,
      PdfRenderer renderer,
      ClauseService clauses) {
    this.contracts = contracts;
    this.counterparties = counterparties;
    this.documents = documents;
    this.catalog = catalog;
    this.builder = builder;
    this.renderer = renderer;
    this.clauses = clauses;
  }

  GeneratedDocuments generate(CurrentUser user, UUID contractId, GenerateRequest request) {
    contracts.editable(user, contractId);
    ContractResponse contract = contracts.view(user, contractId);
    TemplateSource template =
        catalog
            .find(request.template())
            .orElseThrow(() -> NotFoundException.of("Template", request.template()));
    String email =
        counterparties
            .find(contract.counterparty().id())
            .map(Counterparty::getContactEmail)
            .orElse(null);
    Filled filled =
        fill(
            builder,
            renderer,
            template,
            ContractFacts.of(contract, email),
            request.variables(),
            clauses);

    String base = template.key() + "-" + contract.reference();
    List<DocumentVersionResponse> stored =
        documents.storeGenerated(
            user,
            contractId,
            template.key(),
            List.of(
                new DocumentService.NewFile(
                    base + ".docx", DocumentType.DOCX.mediaType(), filled.docx()),
                new DocumentService.NewFile(
                    base + ".pdf", DocumentType.PDF.mediaType(), filled.pdf())));
    return new GeneratedDocuments(template.key(), stored.get(0), stored.get(1));
  }

  /** A filled template's two renderings. */
  record Filled(byte[] docx, byte[] pdf) {}

  /**
   * The template filled with the contract's facts, the variables and the clauses: as DOCX and as
   * PDF.
   */
  static Filled fill(
      DocxTemplateBuilder builder,
      PdfRenderer renderer,
      TemplateSource template,
      ContractFacts facts,
      Map<String, String> variables,
      ClauseLookup clauses) {
    try (XWPFDocument doc = builder.document(template)) {
      Map<String, String> values =
          PlaceholderResolver.resolve(
              PlaceholderFiller.placeholdersIn(doc), facts, variables, clauses);
      PlaceholderFiller.fill(doc, values);
      byte[] docx = DocxTemplateBuilder.bytes(doc);
      byte[] pdf = renderer.render(doc, template.name() + " - " + facts.reference());
      return new Filled(docx, pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
