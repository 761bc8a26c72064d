package io.contractflow.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An import's progress: how many of its files are done (verified, waiting for verification, or
 * failed), and each file's status, contract and failure.
 */
public record ImportView(
    UUID id,
    String archiveName,
    String createdBy,
    Instant createdAt,
    int total,
    int done,
    Map<ImportFileStatus, Integer> counts,
    List<FileView> files) {

  /**
   * One file.
   *
   * @param status where it stands; FAILED also for a step that failed and can be resumed
   * @param contractId its contract (for a duplicate: the contract of the same file imported before)
   * @param failure why it failed
   * @param retryable whether resuming the import retries it
   * @param unconfirmed the facts read with too little confidence: confirm them one by one
   */
  public record FileView(
      int position,
      String fileName,
      ImportFileStatus status,
      UUID contractId,
      String failure,
      boolean retryable,
      List<String> unconfirmed) {}

  /** An import as listed. */
  public record Summary(
      UUID id,
      String archiveName,
      String createdBy,
      Instant createdAt,
      int total,
      int done,
      int failed) {}
}
