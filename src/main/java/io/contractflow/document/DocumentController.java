package io.contractflow.document;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/contracts/{contractId}/documents")
@Tag(
    name = "Documents",
    description = "A contract's document: versions, downloads, text and redlines")
class DocumentController {

  private static final int MAX_COMPARE_TOKENS = 400_000;

  private final DocumentService documents;
  private final CurrentUserProvider currentUser;

  DocumentController(DocumentService documents, CurrentUserProvider currentUser) {
    this.documents = documents;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Upload a PDF or DOCX, or a scanned page as PNG, JPEG or TIFF (its text is read by OCR),"
              + " as the contract's new current document version (editors, drafts only)")
  ResponseEntity<DocumentVersionResponse> upload(
      @PathVariable UUID contractId, @RequestPart("file") MultipartFile file) throws IOException {
    DocumentVersionResponse version =
        documents.upload(
            currentUser.get(),
            contractId,
            file.getOriginalFilename(),
            file.getContentType(),
            file.getBytes());
    return ResponseEntity.created(
            URI.create("/api/contracts/" + contractId + "/documents/" + version.version()))
        .body(version);
  }

  @GetMapping
  @Operation(summary = "The document's versions, newest first")
  List<DocumentVersionResponse> list(@PathVariable UUID contractId) {
    return documents.list(currentUser.get(), contractId);
  }

  @GetMapping("/{version}")
  @Operation(summary = "One version's details")
  DocumentVersionResponse get(@PathVariable UUID contractId, @PathVariable @Min(1) int version) {
    return documents.get(currentUser.get(), contractId, version);
  }

  @GetMapping("/{version}/content")
  @Operation(
      summary = "Download a version, as an attachment; a PDF with inline=true opens in the browser")
  ResponseEntity<byte[]> content(
      @PathVariable UUID contractId,
      @PathVariable @Min(1) int version,
      @Parameter(
              description =
                  "Show a PDF in the browser (Content-Disposition inline) rather than download it;"
                      + " other types are always attachments")
          @RequestParam(defaultValue = "false")
          boolean inline) {
    DocumentService.Content content = documents.content(currentUser.get(), contractId, version);
    boolean shown = inline && MediaType.APPLICATION_PDF_VALUE.equals(content.version().mediaType());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.version().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            shown
                ? "inline"
                    + attachment(content.version().fileName()).substring("attachment".length())
                : attachment(content.version().fileName()))
        .header("X-Content-Type-Options", "nosniff")
        // the browser's PDF viewer is a plugin: object-src lets it show the PDF, nothing else loads
        .header(
            "Content-Security-Policy",
            shown
                ? "default-src 'none'; object-src 'self'; frame-ancestors 'self'"
                : "sandbox; default-src 'none'")
        .eTag("\"" + content.version().sha256() + "\"")
        .body(content.bytes());
  }

  @GetMapping(value = "/{version}/text", produces = MediaType.TEXT_PLAIN_VALUE)
  @Operation(summary = "The text extracted from a version")
  ResponseEntity<String> text(@PathVariable UUID contractId, @PathVariable @Min(1) int version) {
    DocumentVersion found = documents.withText(currentUser.get(), contractId, version);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header("X-Text-Status", found.getTextStatus().name())
        .body(found.getText() == null ? "" : found.getText());
  }

  /** Which version is current. */
  record CurrentRequest(@Min(1) int version) {}

  @PutMapping("/current")
  @Operation(summary = "Make an earlier version current again (editors, drafts only)")
  DocumentVersionResponse makeCurrent(
      @PathVariable UUID contractId,
      @RequestBody @jakarta.validation.Valid CurrentRequest request) {
    return documents.makeCurrent(currentUser.get(), contractId, request.version());
  }

  @GetMapping(value = "/compare", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A redline of two versions' text: runs kept, deleted and inserted")
  Redline compare(
      @PathVariable UUID contractId, @RequestParam @Min(1) int from, @RequestParam @Min(1) int to) {
    return redline(contractId, from, to);
  }

  @GetMapping(value = "/compare", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "The redline as a readable HTML page")
  ResponseEntity<String> compareHtml(
      @PathVariable UUID contractId, @RequestParam @Min(1) int from, @RequestParam @Min(1) int to) {
    String title = "Changes from version " + from + " to version " + to;
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(redline(contractId, from, to).toHtml(title));
  }

  private Redline redline(UUID contractId, int from, int to) {
    var user = currentUser.get();
    String before = textOf(documents.withText(user, contractId, from));
    String after = textOf(documents.withText(user, contractId, to));
    if (Redline.tokenCount(before) + Redline.tokenCount(after) > MAX_COMPARE_TOKENS) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "compare-too-large",
          "The versions are too long to compare");
    }
    return Redline.between(before, after);
  }

  private static String textOf(DocumentVersion version) {
    if (version.getTextStatus() == DocumentVersion.TextStatus.FAILED) {
      throw ApiException.conflict(
          "Version " + version.getNumber() + " has no extracted text to compare");
    }
    return version.getText() == null ? "" : version.getText();
  }

  /**
   * RFC 6266: an ASCII fallback in {@code filename} and the exact UTF-8 name in {@code filename*}
   * (RFC 8187). The name was sanitised at upload, so it holds no quotes, slashes or control
   * characters.
   */
  static String attachment(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
