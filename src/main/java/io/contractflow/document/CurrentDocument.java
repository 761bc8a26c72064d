package io.contractflow.document;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract's current document version, for lifecycle steps (a task's form links to it, a draft
 * needs one before review). No caller is checked here: whoever shows the result checks access to
 * the contract.
 */
@Component
public class CurrentDocument {

  private final DocumentVersionRepository versions;

  CurrentDocument(DocumentVersionRepository versions) {
    this.versions = versions;
  }

  @Transactional(readOnly = true)
  public Optional<DocumentVersionResponse> of(UUID contractId) {
    return versions.findCurrent(contractId).stream().findFirst().map(DocumentVersionResponse::of);
  }

  /** Whether the contract has a document version numbered {@code number} (current or not). */
  @Transactional(readOnly = true)
  public boolean hasVersion(UUID contractId, int number) {
    return versions.findByContractIdAndNumber(contractId, number).isPresent();
  }

  /** The text extracted from the contract's current document version, if any was. */
  @Transactional(readOnly = true)
  public Optional<String> currentText(UUID contractId) {
    return versions.findCurrent(contractId).stream()
        .findFirst()
        .map(DocumentVersion::getText)
        .filter(text -> !text.isBlank());
  }
}
