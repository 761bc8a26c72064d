package io.contractflow.customfield;

import io.contractflow.contract.ContractType;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Custom fields",
    description =
        "Fields admins define per contract type (text, number, money, date, choice, party); contracts"
            + " hold their values in customFields")
class CustomFieldController {

  private final CustomFieldDefinitions definitions;
  private final CurrentUserProvider currentUser;

  CustomFieldController(CustomFieldDefinitions definitions, CurrentUserProvider currentUser) {
    this.definitions = definitions;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/custom-fields")
  @Operation(
      summary = "The custom fields a contract of a type asks for (everyone signed in)",
      description = "Without type: the fields of every type. Archived fields are not listed.")
  List<CustomFieldDefinition> forType(
      @Parameter(description = "the contract type") @RequestParam(required = false)
          ContractType type) {
    currentUser.get();
    return definitions.active(type);
  }

  @GetMapping("/api/admin/custom-fields")
  @Operation(summary = "Every custom field, archived ones too (contract admins)")
  List<CustomFieldDefinition> list() {
    return definitions.all(currentUser.get());
  }

  @PostMapping("/api/admin/custom-fields")
  @Operation(
      summary = "Define a custom field (contract admins)",
      description =
          "key: a lower-case letter, then lower-case letters, digits or '_' (at most 40), unique and"
              + " never changed; contractType: one type, or left out for every type; choices: for"
              + " kind CHOICE only. 409 when the key is taken.")
  ResponseEntity<CustomFieldDefinition> create(@Valid @RequestBody CustomFieldRequest request) {
    CustomFieldDefinition created = definitions.create(currentUser.get(), request);
    return ResponseEntity.created(URI.create("/api/admin/custom-fields/" + created.id()))
        .eTag(ETags.of(created.version()))
        .body(created);
  }

  @GetMapping("/api/admin/custom-fields/{id}")
  @Operation(summary = "One custom field (contract admins)")
  ResponseEntity<CustomFieldDefinition> get(@PathVariable UUID id) {
    CustomFieldDefinition field = definitions.get(currentUser.get(), id);
    return ResponseEntity.ok().eTag(ETags.of(field.version())).body(field);
  }

  @PutMapping("/api/admin/custom-fields/{id}")
  @Operation(
      summary = "Change a custom field (contract admins); If-Match is checked when sent",
      description =
          "The key stays. While contracts hold values of the field its kind cannot change, it"
              + " stays on their types, and the choices they hold stay (409). archived: true retires"
              + " it, false brings it back.")
  ResponseEntity<CustomFieldDefinition> update(
      @PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CustomFieldRequest request) {
    CustomFieldDefinition field = definitions.update(currentUser.get(), id, ifMatch, request);
    return ResponseEntity.ok().eTag(ETags.of(field.version())).body(field);
  }

  @DeleteMapping("/api/admin/custom-fields/{id}")
  @Operation(
      summary = "Delete a custom field, or archive it if contracts hold values (contract admins)",
      description = "204 when deleted; 200 with the archived field when contracts hold values.")
  ResponseEntity<CustomFieldDefinition> delete(@PathVariable UUID id) {
    return definitions
        .delete(currentUser.get(), id)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }
}
