package io.contractflow.document;

import java.time.Instant;
import java.util.UUID;

/** A document version as the API shows it (the text has an endpoint of its own). */
public record DocumentVersionResponse(
    UUID id,
    int version,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    boolean current,
    Integer pageCount,
    DocumentVersion.TextStatus textStatus,
    String contentUrl) {

  static DocumentVersionResponse of(DocumentVersion v) {
    return new DocumentVersionResponse(
        v.getId(),
        v.getNumber(),
        v.getFileName(),
        v.getMediaType(),
        v.getSize(),
        v.getSha256(),
        v.getUploadedBy(),
        v.getUploadedAt(),
        v.isCurrent(),
        v.getPageCount(),
        v.getTextStatus(),
        "/api/contracts/" + v.getContractId() + "/documents/" + v.getNumber() + "/content");
  }
}
