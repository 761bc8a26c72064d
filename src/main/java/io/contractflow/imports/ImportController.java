package io.contractflow.imports;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.error.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
@Tag(
    name = "Imports",
    description =
        "Bulk import of signed contracts: a ZIP of PDF/DOCX files, optionally with a CSV of known"
            + " facts per file; each file becomes a contract once a person verified its facts")
class ImportController {

  /** A CSV of facts is small text; anything larger is no such CSV. */
  static final long MAX_CSV_BYTES = 5L * 1024 * 1024;

  private final ImportService imports;
  private final CurrentUserProvider currentUser;

  ImportController(ImportService imports, CurrentUserProvider currentUser) {
    this.imports = imports;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import a ZIP of signed PDF/DOCX contracts (admins; requesters their own): 202 with the"
              + " import, whose files are then checked, read and created one process each",
      description =
          "Part 'archive': the ZIP. Optional part 'facts': a UTF-8 CSV with a header naming 'file'"
              + " (path or name in the ZIP) and any of title, type, counterparty, effectiveDate,"
              + " endDate, autoRenewal, renewalTerm, noticePeriod, value, currency, owner (admins"
              + " only). A ZIP that is no ZIP, names a path outside its folder, nests archives or"
              + " holds other files is refused with 400; one larger than"
              + " contractflow.imports.max-archive-size (512MB), with too many entries or unpacking"
              + " too large with 413; nothing is stored then. The same file imported twice is one"
              + " contract: the second is DUPLICATE, naming the first's contract.")
  ResponseEntity<ImportView> start(
      @Parameter(description = "The ZIP of PDF and DOCX files") @RequestPart("archive")
          MultipartFile archive,
      @Parameter(description = "A CSV of known facts per file")
          @RequestPart(value = "facts", required = false)
          MultipartFile facts)
      throws IOException {
    if (facts != null && facts.getSize() > MAX_CSV_BYTES) {
      throw InvalidInputException.field("facts", "must be at most 5 MB of CSV");
    }
    // the archive is read from the temporary file the upload streamed to (ImportUploadServlet)
    ImportView started =
        imports.start(
            currentUser.get(),
            archive.getOriginalFilename(),
            archive,
            archive.getSize(),
            facts == null || facts.isEmpty() ? null : facts.getBytes());
    return ResponseEntity.accepted()
        .location(URI.create("/api/imports/" + started.id()))
        .body(started);
  }

  @GetMapping
  @Operation(summary = "The caller's imports (admins: every import), newest first")
  List<ImportView.Summary> list(
      @Parameter(description = "How many, at most 200") @RequestParam(defaultValue = "50")
          int limit) {
    return imports.list(currentUser.get(), limit);
  }

  @GetMapping("/{id}")
  @Operation(
      summary =
          "An import's progress: n of N files done, and each file's status, contract and failure")
  ImportView get(@PathVariable UUID id) {
    return imports.get(currentUser.get(), id);
  }

  @PostMapping("/{id}/resume")
  @Operation(summary = "Retry the files of the import whose step failed; how many were retried")
  Map<String, Integer> resume(@PathVariable UUID id) {
    return Map.of("retried", imports.resume(currentUser.get(), id));
  }

  @PostMapping("/{id}/accept-confident")
  @Operation(
      summary =
          "Admins: confirm, as read, every file of the import waiting for verification whose facts"
              + " are all at least as confident as the threshold; how many")
  Map<String, Integer> acceptConfident(@PathVariable UUID id) {
    return Map.of("accepted", imports.acceptConfident(currentUser.get(), id));
  }
}
