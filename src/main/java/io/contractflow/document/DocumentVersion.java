package io.contractflow.document;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a contract's document: what was stored, by whom, when, and its text. */
@Entity
@Table(name = "document_version")
public class DocumentVersion {

  /** Whether text could be extracted. */
  public enum TextStatus {
    EXTRACTED,
    EMPTY,
    FAILED
  }

  @Id private UUID id;

  @Column(name = "contract_id", nullable = false, updatable = false)
  private UUID contractId;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int number;

  @Column(name = "file_name", nullable = false, updatable = false, length = 150)
  private String fileName;

  @Column(name = "media_type", nullable = false, updatable = false, length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "storage_key", nullable = false, updatable = false, length = 200)
  private String storageKey;

  @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "is_current", nullable = false)
  private boolean current;

  @Column(name = "page_count", updatable = false)
  private Integer pageCount;

  @Enumerated(EnumType.STRING)
  @Column(name = "text_status", nullable = false, length = 20)
  private TextStatus textStatus;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "extracted_text")
  private String text;

  protected DocumentVersion() {}

  DocumentVersion(
      UUID id,
      UUID contractId,
      int number,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      String storageKey,
      String uploadedBy,
      Instant uploadedAt,
      Integer pageCount) {
    this.id = id;
    this.contractId = contractId;
    this.number = number;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.size = size;
    this.sha256 = sha256;
    this.storageKey = storageKey;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.pageCount = pageCount;
    this.textStatus = TextStatus.EMPTY;
  }

  void setText(TextStatus status, String text) {
    this.textStatus = status;
    this.text = text;
  }

  void setCurrent(boolean current) {
    this.current = current;
  }

  public UUID getId() {
    return id;
  }

  public UUID getContractId() {
    return contractId;
  }

  public int getNumber() {
    return number;
  }

  public String getFileName() {
    return fileName;
  }

  public String getMediaType() {
    return mediaType;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  String getStorageKey() {
    return storageKey;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public boolean isCurrent() {
    return current;
  }

  public Integer getPageCount() {
    return pageCount;
  }

  public TextStatus getTextStatus() {
    return textStatus;
  }

  public String getText() {
    return text;
  }
}
