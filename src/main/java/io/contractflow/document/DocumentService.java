package io.contractflow.document;

import io.contractflow.contract.ContractGuard;
import io.contractflow.document.crypto.EnvelopeEncryption;
import io.contractflow.document.scan.VirusScanUnavailableException;
import io.contractflow.document.scan.VirusScanner;
import io.contractflow.document.storage.DocumentStore;
import io.contractflow.document.storage.DocumentStoreException;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.RejectedContentException;
import io.contractflow.platform.error.UnavailableException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A contract's document and its versions. An upload is inspected, scanned, hashed and its text
 * extracted before anything is written; then the encrypted bytes go to the store and the version
 * row is committed. If the row cannot be committed the stored object is removed again, so a refused
 * upload leaves nothing behind.
 */
@Service
public class DocumentService {

  private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

  private final ContractGuard contracts;
  private final UploadInspector inspector;
  private final VirusScanner scanner;
  private final TextExtractor extractor;
  private final EnvelopeEncryption encryption;
  private final DocumentStore store;
  private final DocumentVersionRepository versions;
  private final TransactionTemplate transactions;
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DocumentService(
      ContractGuard contracts,
      UploadInspector inspector,
      VirusScanner scanner,
      TextExtractor extractor,
      EnvelopeEncryption encryption,
      DocumentStore store,
      DocumentVersionRepository versions,
      TransactionTemplate transactions,
      JdbcTemplate jdbc,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.inspector = inspector;
    this.scanner = scanner;
    this.extractor = extractor;
    this.encryption = encryption;
    this.store = store;
    this.versions = versions;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A new current version of the contract's document, from an upload or generated: either way it
   * passes the same inspection, scan and encryption.
   */
  public DocumentVersionResponse upload(
      CurrentUser user, UUID contractId, String originalName, String declaredType, byte[] content) {
    contracts.editable(user, contractId);
    UploadInspector.Inspected inspected = inspector.inspect(originalName, declaredType, content);
    scan(content);
    return store(contractId, inspected, content, null, user.username(), false, null);
  }

  /**
   * For a bulk import, before the file has a contract: the same inspection and virus scan as an
   * upload, its type declared by its extension (an import has no Content-Type per file); nothing is
   * stored.
   *
   * @return the file's media type
   * @throws RejectedContentException if an upload of the file would be refused
   * @throws UnavailableException if the virus scan cannot be reached (retry later)
   */
  public String check(String fileName, byte[] content) {
    String declared = DocumentType.ofExtension(fileName).map(DocumentType::mediaType).orElse(null);
    UploadInspector.Inspected inspected = inspector.inspect(fileName, declared, content);
    scan(content);
    return inspected.type().mediaType();
  }

  /**
   * For a bulk import: the file's text as an upload would extract it (OCR included), to read its
   * facts and to hand back to {@link #storeImported}, so the file is read once.
   */
  public ExtractedText text(byte[] content) {
    return extractor.extract(content);
  }

  /**
   * For a bulk import: the checked file (see {@link #check}) as the first version of its imported
   * contract, inspected again and encrypted like any upload, with the text {@link #text} extracted
   * from it before (extracted now if null). Joins the caller's transaction; if that rolls back, the
   * stored object is removed again. A contract that already has a version with the same content
   * keeps it (a retried step stores nothing twice).
   */
  public DocumentVersionResponse storeImported(
      UUID contractId, String fileName, byte[] content, ExtractedText text, String actor) {
    String hash = sha256(content);
    Optional<DocumentVersion> stored =
        versions.findByContractIdOrderByNumberDesc(contractId).stream()
            .filter(v -> hash.equals(v.getSha256()))
            .findFirst();
    if (stored.isPresent()) {
      return DocumentVersionResponse.of(stored.get());
    }
    String declared = DocumentType.ofExtension(fileName).map(DocumentType::mediaType).orElse(null);
    UploadInspector.Inspected inspected = inspector.inspect(fileName, declared, content);
    return store(contractId, inspected, content, text, actor, true, null);
  }

  /** A file to store as a new version. */
  public record NewFile(String fileName, String declaredType, byte[] content) {}

  /**
   * Files generated from a template, stored as new versions in the order given (the last becomes
   * current) in one transaction, and published as one {@link DocumentsGenerated}: all are stored,
   * or none is. Each passes the same inspection, scan and encryption as an upload.
   */
  public List<DocumentVersionResponse> storeGenerated(
      CurrentUser user, UUID contractId, String template, List<NewFile> files) {
    contracts.editable(user, contractId);
    List<UploadInspector.Inspected> inspected = new ArrayList<>();
    for (NewFile file : files) {
      inspected.add(inspector.inspect(file.fileName(), file.declaredType(), file.content()));
      scan(file.content());
    }
    return transactions.execute(
        status -> {
          List<DocumentVersionResponse> stored = new ArrayList<>();
          for (int i = 0; i < files.size(); i++) {
            stored.add(
                store(
                    contractId,
                    inspected.get(i),
                    files.get(i).content(),
                    null,
                    user.username(),
                    true,
                    template));
          }
          events.publishEvent(
              new DocumentsGenerated(contractId, template, List.copyOf(stored), user.username()));
          return stored;
        });
  }

  /**
   * A new current version produced by a lifecycle step (e.g. the sealed PDF after signing), stored
   * whatever the contract's status: no caller to check and no virus scan of our own output, but the
   * same inspection, text extraction and encryption as an upload. Joins the caller's transaction;
   * if that rolls back, the stored object is removed again.
   */
  public DocumentVersionResponse storeSystemVersion(
      UUID contractId, String fileName, DocumentType type, byte[] content, String actor) {
    UploadInspector.Inspected inspected = inspector.inspect(fileName, type.mediaType(), content);
    return store(contractId, inspected, content, null, actor, true, null);
  }

  /**
   * For lifecycle steps (no caller to check): the contract's current version if it is a PDF, else
   * its newest PDF version; empty if it has no PDF.
   */
  @Transactional(readOnly = true)
  public Optional<DocumentVersionResponse> currentPdf(UUID contractId) {
    List<DocumentVersion> all = versions.findByContractIdOrderByNumberDesc(contractId);
    return all.stream()
        .filter(DocumentVersion::isCurrent)
        .filter(DocumentService::isPdf)
        .findFirst()
        .or(() -> all.stream().filter(DocumentService::isPdf).findFirst())
        .map(DocumentVersionResponse::of);
  }

  /**
   * For lifecycle steps (no caller to check): the bytes of a version, checked against its recorded
   * hash.
   */
  @Transactional(readOnly = true)
  public byte[] systemContent(UUID versionId) {
    DocumentVersion version =
        versions
            .findById(versionId)
            .orElseThrow(() -> new IllegalStateException("No document version " + versionId));
    return bytesOf(version);
  }

  private static boolean isPdf(DocumentVersion version) {
    return DocumentType.PDF.mediaType().equals(version.getMediaType());
  }

  /**
   * Stores one new current version with its text ({@code extracted}, or extracted now if null).
   * Published as {@link DocumentVersionAdded}, unless it is one of the versions generated from
   * {@code template} (null for none), which the caller publishes together.
   */
  private DocumentVersionResponse store(
      UUID contractId,
      UploadInspector.Inspected inspected,
      byte[] content,
      ExtractedText extracted,
      String actor,
      boolean removeOnOuterRollback,
      String template) {
    ExtractedText text = extracted != null ? extracted : extractor.extract(content);
    UUID id = UUID.randomUUID();
    String key = "documents/" + contractId + "/" + id;
    try {
      store.put(key, encryption.encrypt(content, id.toString()));
    } catch (DocumentStoreException e) {
      log.error("Document store unavailable; refusing the upload", e);
      throw storeUnavailable();
    }
    if (removeOnOuterRollback && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status == STATUS_ROLLED_BACK) {
                deleteQuietly(key);
              }
            }
          });
    }
    try {
      return transactions.execute(
          status -> {
            // one upload at a time per contract, so version numbers follow each other
            jdbc.queryForObject(
                "select id from contractflow.contract where id = ? for update",
                UUID.class,
                contractId);
            int number = versions.lastNumber(contractId) + 1;
            versions.clearCurrent(contractId);
            DocumentVersion version =
                new DocumentVersion(
                    id,
                    contractId,
                    number,
                    inspected.fileName(),
                    inspected.type().mediaType(),
                    content.length,
                    sha256(content),
                    key,
                    actor,
                    clock.instant(),
                    inspected.pageCount());
            version.setText(text.status(), text.text());
            version.setCurrent(true);
            DocumentVersionResponse stored =
                DocumentVersionResponse.of(versions.saveAndFlush(version));
            events.publishEvent(new DocumentVersionChanged(contractId, number));
            if (template == null) {
              events.publishEvent(new DocumentVersionAdded(contractId, stored));
            }
            return stored;
          });
    } catch (RuntimeException failed) {
      deleteQuietly(key);
      throw failed;
    }
  }

  @Transactional(readOnly = true)
  List<DocumentVersionResponse> list(CurrentUser user, UUID contractId) {
    contracts.readable(user, contractId);
    return versions.findByContractIdOrderByNumberDesc(contractId).stream()
        .map(DocumentVersionResponse::of)
        .toList();
  }

  @Transactional(readOnly = true)
  DocumentVersionResponse get(CurrentUser user, UUID contractId, int number) {
    contracts.readable(user, contractId);
    return DocumentVersionResponse.of(version(contractId, number));
  }

  /** The bytes of one version, checked against the hash recorded at upload. */
  @Transactional(readOnly = true)
  Content content(CurrentUser user, UUID contractId, int number) {
    contracts.readable(user, contractId);
    DocumentVersion version = version(contractId, number);
    return new Content(DocumentVersionResponse.of(version), bytesOf(version));
  }

  private byte[] bytesOf(DocumentVersion version) {
    byte[] stored;
    try {
      stored = store.get(version.getStorageKey());
    } catch (DocumentStoreException e) {
      log.error("Document store unavailable; cannot serve version {}", version.getId(), e);
      throw storeUnavailable();
    }
    byte[] bytes = encryption.decrypt(stored, version.getId().toString());
    if (!sha256(bytes).equals(version.getSha256())) {
      throw new IllegalStateException(
          "Stored document " + version.getId() + " does not match its recorded hash");
    }
    return bytes;
  }

  /** A version's metadata with its bytes. */
  record Content(DocumentVersionResponse version, byte[] bytes) {}

  @Transactional(readOnly = true)
  DocumentVersion withText(CurrentUser user, UUID contractId, int number) {
    contracts.readable(user, contractId);
    DocumentVersion version = version(contractId, number);
    version.getText(); // load the lazy text inside the transaction
    return version;
  }

  @Transactional
  DocumentVersionResponse makeCurrent(CurrentUser user, UUID contractId, int number) {
    contracts.editable(user, contractId);
    version(contractId, number);
    Integer previous =
        versions.findByContractIdOrderByNumberDesc(contractId).stream()
            .filter(DocumentVersion::isCurrent)
            .map(DocumentVersion::getNumber)
            .findFirst()
            .orElse(null);
    versions.clearCurrent(contractId);
    DocumentVersion version = version(contractId, number);
    version.setCurrent(true);
    DocumentVersionResponse current = DocumentVersionResponse.of(versions.saveAndFlush(version));
    events.publishEvent(new DocumentVersionChanged(contractId, number));
    events.publishEvent(new CurrentDocumentChosen(contractId, previous, current, user.username()));
    return current;
  }

  private DocumentVersion version(UUID contractId, int number) {
    return versions
        .findByContractIdAndNumber(contractId, number)
        .orElseThrow(() -> NotFoundException.of("Document version", number));
  }

  private void scan(byte[] content) {
    VirusScanner.ScanResult result;
    try {
      result = scanner.scan(content);
    } catch (VirusScanUnavailableException e) {
      log.error("Virus scan unavailable; refusing the upload", e);
      throw new UnavailableException(
          "virus-scan-unavailable",
          "Uploads cannot be checked for malware right now; try again later");
    }
    if (!result.clean()) {
      log.warn("Refused an upload carrying malware: {}", result.signature());
      throw new RejectedContentException(
          RejectedContentException.Reason.HARMFUL,
          "malware",
          "The file contains malware (" + result.signature() + ") and was not stored");
    }
  }

  private static UnavailableException storeUnavailable() {
    return new UnavailableException(
        "storage-unavailable",
        "Document storage cannot be reached right now; nothing was changed, try again later");
  }

  private void deleteQuietly(String key) {
    try {
      store.delete(key);
    } catch (RuntimeException e) {
      log.warn("Could not remove the stored object {} of a failed upload", key, e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
