package io.contractflow.template;

import io.contractflow.document.DocumentType;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Templates", description = "Contract templates and documents generated from them")
class TemplateController {

  private static final Pattern CLAUSE = Pattern.compile("clause:([^@]+)(?:@(\\d+))?");

  private final TemplateCatalog catalog;
  private final DocxTemplateBuilder builder;
  private final ClauseService clauses;
  private final DocumentGenerator generator;
  private final CurrentUserProvider currentUser;

  TemplateController(
      TemplateCatalog catalog,
      DocxTemplateBuilder builder,
      ClauseService clauses,
      DocumentGenerator generator,
      CurrentUserProvider currentUser) {
    this.catalog = catalog;
    this.builder = builder;
    this.clauses = clauses;
    this.generator = generator;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/templates")
  @Operation(
      summary =
          "The templates: the placeholders each uses and the variables a generation must supply")
  List<TemplateInfo> list() {
    currentUser.get();
    return catalog.all().stream().map(this::info).toList();
  }

  @GetMapping("/api/templates/{key}/docx")
  @Operation(summary = "Download a template as a Word document, placeholders unfilled")
  ResponseEntity<byte[]> docx(@PathVariable String key) {
    currentUser.get();
    TemplateSource template =
        catalog.find(key).orElseThrow(() -> ApiException.notFound("Template", key));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DocumentType.DOCX.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + template.key() + ".docx\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(builder.build(template));
  }

  @PostMapping("/api/contracts/{contractId}/documents/generate")
  @Operation(
      summary =
          "Fill a template for the contract; stores the DOCX and then the PDF as new versions (editors)")
  ResponseEntity<GeneratedDocuments> generate(
      @PathVariable UUID contractId, @RequestBody @Valid GenerateRequest request) {
    GeneratedDocuments generated = generator.generate(currentUser.get(), contractId, request);
    return ResponseEntity.created(
            URI.create("/api/contracts/" + contractId + "/documents/" + generated.pdf().version()))
        .body(generated);
  }

  private TemplateInfo info(TemplateSource template) {
    List<String> placeholders = new ArrayList<>(template.placeholders());
    TreeSet<String> clauseKeys = new TreeSet<>();
    TreeSet<String> variables = new TreeSet<>();
    for (String name : placeholders) {
      Matcher clause = CLAUSE.matcher(name);
      if (clause.matches()) {
        clauseKeys.add(name.substring(Placeholders.CLAUSE_PREFIX.length()));
        Integer version = clause.group(2) == null ? null : Integer.valueOf(clause.group(2));
        clauses
            .text(clause.group(1), version)
            .ifPresent(
                text ->
                    Placeholders.in(text).stream()
                        .filter(n -> n.startsWith(Placeholders.VARIABLE_PREFIX))
                        .forEach(
                            n ->
                                variables.add(n.substring(Placeholders.VARIABLE_PREFIX.length()))));
      } else if (name.startsWith(Placeholders.VARIABLE_PREFIX)) {
        variables.add(name.substring(Placeholders.VARIABLE_PREFIX.length()));
      }
    }
    return new TemplateInfo(
        template.key(),
        template.name(),
        template.description(),
        placeholders,
        List.copyOf(clauseKeys),
        List.copyOf(variables),
        "/api/templates/" + template.key() + "/docx");
  }
}
