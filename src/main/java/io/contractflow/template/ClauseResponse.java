package io.contractflow.template;

import java.time.Instant;

/** One version of a clause, with what is known about the clause. */
record ClauseResponse(
    String key,
    String title,
    int version,
    int latestVersion,
    String text,
    String createdBy,
    Instant createdAt) {

  /** A clause in the library's list. */
  record Summary(String key, String title, int latestVersion, Instant createdAt) {}
}
