package io.contractflow.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateGenerationIT extends IntegrationTest {

  private static final Map<String, String> CLAUSE_SENTENCE =
      Map.of(
          "mutual-nda",
              "shall keep confidential all information disclosed to it by the other party",
          "master-services-agreement",
              "shall not exceed the total fees paid and payable under this Agreement",
          "statement-of-work",
              "Each party retains all intellectual property rights it owned before this Agreement");

  private ObjectNode request(String template) {
    ObjectNode body = JSON.createObjectNode().put("template", template);
    ObjectNode variables = body.putObject("variables");
    ShippedClauseLibrary.variables().forEach(variables::put);
    return body;
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mutual-nda", "master-services-agreement", "statement-of-work"})
  void fillsEachTemplateForARealContractAsDocxThenPdf(String template) throws Exception {
    JsonNode contract = createContract("rita");
    String id = contract.get("id").asText();
    String counterparty = contract.get("counterparty").get("name").asText();
    String reference = contract.get("reference").asText();

    Api.Response generated =
        api.as("rita").post("/api/contracts/" + id + "/documents/generate", request(template));

    assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
    JsonNode docx = generated.json().get("docx");
    JsonNode pdf = generated.json().get("pdf");
    assertThat(docx.get("version").asInt()).isEqualTo(1);
    assertThat(docx.get("mediaType").asText()).contains("wordprocessingml");
    assertThat(pdf.get("version").asInt()).isEqualTo(2);
    assertThat(pdf.get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(pdf.get("current").asBoolean()).isTrue();
    assertThat(generated.headers().firstValue("Location"))
        .hasValue("/api/contracts/" + id + "/documents/2");

    JsonNode versions = api.as("rita").get("/api/contracts/" + id + "/documents").json();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(versions.get(0).get("current").asBoolean()).isTrue();

    Api.BinaryResponse docxContent =
        api.as("rita").download("/api/contracts/" + id + "/documents/1/content");
    assertThat(docxContent.status()).isEqualTo(200);
    String docxText;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docxContent.body()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      docxText = normalized(extractor.getText());
    }
    Api.BinaryResponse pdfContent =
        api.as("rita").download("/api/contracts/" + id + "/documents/2/content");
    assertThat(pdfContent.status()).isEqualTo(200);
    String pdfText;
    try (PDDocument doc = Loader.loadPDF(pdfContent.body())) {
      pdfText = normalized(new PDFTextStripper().getText(doc));
    }
    String docxExtracted =
        normalized(api.as("rita").get("/api/contracts/" + id + "/documents/1/text").body());
    String pdfExtracted =
        normalized(api.as("rita").get("/api/contracts/" + id + "/documents/2/text").body());

    for (String text : List.of(docxText, pdfText, docxExtracted, pdfExtracted)) {
      assertThat(text)
          .contains(
              counterparty,
              reference,
              "12,000.50 EUR",
              "legal@example.com",
              "ContractFlow Demo Ltd",
              CLAUSE_SENTENCE.get(template))
          .doesNotContain("{{", "}}");
    }
    assertThat(pdfText).contains("Page 1 of");
  }

  @Test
  void onlyEditorsGenerate() {
    String id = createContract("rita").get("id").asText();
    String path = "/api/contracts/" + id + "/documents/generate";

    assertThat(api.as("ravi").post(path, request("mutual-nda")).status()).isEqualTo(404);
    Api.Response auditor = api.as("audrey").post(path, request("mutual-nda"));
    assertThat(auditor.status()).isEqualTo(403);
    assertThat(auditor.contentType()).contains("application/problem+json");
    assertThat(api.anonymous().post(path, request("mutual-nda")).status()).isEqualTo(401);
    assertThat(api.as("rita").get("/api/contracts/" + id + "/documents").json()).isEmpty();
  }

  @Test
  void unknownTemplateIsNotFound() {
    String id = createContract("rita").get("id").asText();
    Api.Response response =
        api.as("rita").post("/api/contracts/" + id + "/documents/generate", request("lease"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:contractflow:problem:not-found");
    assertThat(api.as("rita").get("/api/templates/lease/docx").status()).isEqualTo(404);
  }

  @Test
  void missingVariablesAreListedAndNothingIsStored() {
    String id = createContract("rita").get("id").asText();
    ObjectNode body = request("master-services-agreement");
    ((ObjectNode) body.get("variables")).remove(List.of("scope", "governingLaw"));

    Api.Response response =
        api.as("rita").post("/api/contracts/" + id + "/documents/generate", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:contractflow:problem:validation");
    assertThat(response.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("variables.scope", "variables.governingLaw");
    assertThat(api.as("rita").get("/api/contracts/" + id + "/documents").json()).isEmpty();

    ObjectNode noTemplate = JSON.createObjectNode();
    Api.Response invalid =
        api.as("rita").post("/api/contracts/" + id + "/documents/generate", noTemplate);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").findValuesAsText("field")).contains("template");
  }

  @Test
  void listsTemplatesWithTheirPlaceholdersAndVariables() throws Exception {
    JsonNode templates = api.as("ravi").get("/api/templates").json();
    assertThat(templates.findValuesAsText("key"))
        .containsExactly("mutual-nda", "master-services-agreement", "statement-of-work");
    JsonNode msa = templates.get(1);
    assertThat(JSON.convertValue(msa.get("variables"), List.class))
        .containsExactly("companyName", "governingLaw", "scope");
    assertThat(JSON.convertValue(msa.get("placeholders"), List.class))
        .contains("counterparty.name", "contract.value", "clause:payment-terms", "owner");
    assertThat(JSON.convertValue(templates.get(0).get("clauses"), List.class))
        .contains("confidentiality@1");

    Api.BinaryResponse docx = api.as("audrey").download("/api/templates/mutual-nda/docx");
    assertThat(docx.status()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      assertThat(extractor.getText())
          .contains("MUTUAL NON-DISCLOSURE AGREEMENT", "{{counterparty.name}}");
    }
  }
}
