package io.contractflow.imports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The import's processes, one per file, as the workflow runs them ({@code workflow.imports}
 * implements it): the import feature knows no engine. Each file's process has its contract's id as
 * business key.
 */
public interface ImportRuns {

  /** Starts the process of one queued file, in the caller's transaction. */
  void start(UUID importId, UUID contractId, String owner);

  /**
   * The files of the import whose process stopped at an incident (by their contract id), with the
   * failure's message.
   */
  Map<UUID, String> incidents(UUID importId);

  /** Retries the failed step of each of the import's processes; how many were retried. */
  int retry(UUID importId);

  /**
   * Completes the file's verify task as its facts stand, on behalf of {@code by} (in his groups),
   * in a transaction of its own; false if it has no open verify task or the task refused.
   */
  boolean acceptAsExtracted(UUID contractId, String by, List<String> groups);
}
