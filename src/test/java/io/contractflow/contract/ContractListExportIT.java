package io.contractflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/contracts?format=csv|xlsx}: the list as the caller sees it, filtered and sorted,
 * as a file — and nothing she may not read.
 */
class ContractListExportIT extends IntegrationTest {

  @Test
  void aRequesterExportsHerFilteredListAndNotAnotherRequestersContract() throws Exception {
    String tag = "export-" + UUID.randomUUID().toString().substring(0, 8);
    String first = tagged("rita", tag, "Alpha");
    String second = tagged("rita", tag, "Beta");
    String ravis = tagged("ravi", tag, "Gamma");

    Api.BinaryResponse csv =
        api.as("rita").download("/api/contracts?format=csv&tag=" + tag + "&sort=title,asc");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment")
        .contains(".csv");
    assertThat(csv.headers().firstValue("X-Export-Rows")).contains("2");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).contains("Reference,Title,Type,Status");
    assertThat(text.indexOf(first)).isPositive().isLessThan(text.indexOf(second));
    assertThat(text).doesNotContain(ravis);

    Api.BinaryResponse xlsx = api.as("rita").download("/api/contracts?format=xlsx&tag=" + tag);
    assertThat(xlsx.status()).isEqualTo(200);
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).as("heading and two rows").isEqualTo(2);
      assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(12000.5);
    }

    // an admin reads all three
    String all =
        new String(
            api.as("admin").download("/api/contracts?format=csv&tag=" + tag).body(),
            StandardCharsets.UTF_8);
    assertThat(all).contains(first, second, ravis);
  }

  /**
   * Custom fields as columns {@code cf.<key>} after the facts, by key, as the reports and search
   * name them (money as {@code 1200.50 EUR}); a contract without a value has an empty cell. The
   * fields are on PARTNERSHIP contracts, which only the custom field tests make, and are retired at
   * the end.
   */
  @Test
  void customFieldsAreColumnsOfTheirKeys() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String region = "region_" + suffix;
    String budget = "budget_" + suffix;
    List<String> fields = new ArrayList<>();
    try {
      fields.add(define(region, "CHOICE", "EMEA", "APAC"));
      fields.add(define(budget, "MONEY"));
      String tag = "export-cf-" + suffix;
      ObjectNode values = JSON.createObjectNode().put(region, "APAC");
      values.putObject(budget).put("amount", 1200.5).put("currency", "EUR");
      String filled = partnership(tag, "Alpha", values);
      String empty = partnership(tag, "Beta", null);

      Api.BinaryResponse csv =
          api.as("rita").download("/api/contracts?format=csv&tag=" + tag + "&sort=title,asc");
      assertThat(csv.status()).isEqualTo(200);
      List<String> lines =
          new String(csv.body(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0)).endsWith(",Updated,cf." + budget + ",cf." + region);
      assertThat(lines.get(1)).contains(filled).endsWith(",1200.50 EUR,APAC");
      assertThat(lines.get(2)).contains(empty).endsWith(",,");

      Api.BinaryResponse xlsx =
          api.as("rita").download("/api/contracts?format=xlsx&tag=" + tag + "&sort=title,asc");
      try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
        var sheet = workbook.getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(14).getStringCellValue()).isEqualTo("cf." + region);
        assertThat(sheet.getRow(1).getCell(14).getStringCellValue()).isEqualTo("APAC");
      }
    } finally {
      fields.forEach(id -> api.as("admin").delete("/api/admin/custom-fields/" + id));
    }
  }

  private String define(String key, String kind, String... choices) {
    ObjectNode body = JSON.createObjectNode();
    body.put("key", key).put("label", "Label of " + key).put("contractType", "PARTNERSHIP");
    body.put("kind", kind);
    if (choices.length > 0) {
      var array = body.putArray("choices");
      for (String choice : choices) {
        array.add(choice);
      }
    }
    Api.Response created = api.as("admin").post("/api/admin/custom-fields", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private String partnership(String tag, String title, ObjectNode customFields) {
    ObjectNode body = contractBody(createCounterparty("rita"));
    String unique = title + " " + UUID.randomUUID().toString().substring(0, 6);
    body.put("title", unique).put("type", "PARTNERSHIP");
    body.putArray("tags").add(tag);
    if (customFields != null) {
      body.set("customFields", customFields);
    }
    assertThat(createContract("rita", body).get("id").asText()).isNotBlank();
    return unique;
  }

  @Test
  void anUnknownFormatIsRefusedAndStrangersMustSignIn() {
    Api.Response refused = api.as("rita").get("/api/contracts?format=pdf");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").findValuesAsText("field")).contains("format");
    assertThat(api.anonymous().get("/api/contracts?format=csv").status()).isEqualTo(401);
  }

  private String tagged(String owner, String tag, String title) {
    ObjectNode body = contractBody(createCounterparty(owner));
    String unique = title + " " + UUID.randomUUID().toString().substring(0, 6);
    body.put("title", unique);
    body.putArray("tags").add(tag);
    assertThat(createContract(owner, body).get("id").asText()).isNotBlank();
    return unique;
  }
}
