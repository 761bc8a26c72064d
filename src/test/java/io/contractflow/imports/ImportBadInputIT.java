package io.contractflow.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Archives and CSVs that cannot be imported are refused whole, with RFC 9457 problem details that
 * say why, and nothing is stored: not a ZIP, names that leave the folder, nested archives, other
 * files, too many entries, a file that unpacks beyond the upload limit, CSV faults; and callers who
 * may not import.
 */
class ImportBadInputIT extends IntegrationTest {

  private Api.Response upload(String user, byte[] zip, String csv) {
    List<Api.Part> parts = new ArrayList<>();
    parts.add(new Api.Part("archive", "folder.zip", "application/zip", zip));
    if (csv != null) {
      parts.add(
          new Api.Part("facts", "facts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }
    return api.as(user).multipart("/api/imports", parts);
  }

  private static byte[] zipOf(String name, byte[] content) {
    var entries = ContractFiles.entries();
    entries.put(name, content);
    return ContractFiles.zip(entries);
  }

  private static byte[] aPdf() {
    return ContractFiles.pdf("Contract " + UUID.randomUUID());
  }

  private void refused(Api.Response response, int status, String reason) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).containsIgnoringCase(reason);
  }

  @Test
  void archivesThatCannotBeUnpackedSafelyAreRefusedWhole() {
    int before = api.as("admin").get("/api/imports?limit=200").json().size();

    refused(upload("admin", "not a zip".getBytes(StandardCharsets.UTF_8), null), 400, "no PDF");
    refused(upload("admin", zipOf("../escape.pdf", aPdf()), null), 400, "unsafe name");
    refused(upload("admin", zipOf("/etc/passwd.pdf", aPdf()), null), 400, "unsafe name");
    refused(upload("admin", zipOf("inner.zip", zipOf("a.pdf", aPdf())), null), 400, "archives");
    refused(upload("admin", zipOf("notes.txt", "hello".getBytes()), null), 400, ".pdf and .docx");
    refused(upload("admin", zipOf("bomb.pdf", new byte[30 * 1024 * 1024]), null), 413, "larger");
    var many = ContractFiles.entries();
    for (int i = 0; i < 2001; i++) {
      many.put("folder" + i + "/", new byte[0]);
    }
    refused(upload("admin", ContractFiles.zip(many), null), 413, "more than 2000 entries");

    var mixed = ContractFiles.entries();
    mixed.put("good.pdf", aPdf());
    mixed.put("bad.exe", "MZ".getBytes());
    refused(upload("admin", ContractFiles.zip(mixed), null), 400, "bad.exe");

    assertThat(api.as("admin").get("/api/imports?limit=200").json().size())
        .as("nothing was stored")
        .isEqualTo(before);
  }

  @Test
  void aCsvWithFaultsIsRefusedNamingEachFault() {
    byte[] zip = zipOf("a.pdf", aPdf());
    refused(upload("admin", zip, "name,title\na.pdf,x\n"), 400, "'file' column");
    refused(upload("admin", zip, "file,colour\na.pdf,red\n"), 400, "colour");
    refused(upload("admin", zip, "file,title\nmissing.pdf,x\n"), 400, "not in the ZIP");
    Api.Response faults =
        upload(
            "admin", zip, "file,endDate,value,currency,type\na.pdf,31/12/2027,abc,EURO,WIDGET\n");
    assertThat(faults.status()).as(faults.toString()).isEqualTo(400);
    assertThat(faults.json().get("errors").toString())
        .contains("enddate")
        .contains("value")
        .contains("currency")
        .contains("type");
    refused(upload("rita", zip, "file,owner\na.pdf,ravi\n"), 400, "admins");
  }

  @Test
  void onlyAdminsAndRequestersImport() {
    byte[] zip = zipOf("a.pdf", aPdf());
    for (String user : List.of("leo", "fiona", "erin", "sam", "audrey")) {
      assertThat(upload(user, zip, null).status()).as(user).isEqualTo(403);
      assertThat(api.as(user).get("/api/imports").status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().get("/api/imports").status()).isEqualTo(401);
    assertThat(api.as("admin").get("/api/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
  }
}
