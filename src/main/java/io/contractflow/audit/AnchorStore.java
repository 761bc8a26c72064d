package io.contractflow.audit;

import java.util.List;

/**
 * Where audit anchors are kept, outside the database: a directory or an S3 bucket ({@code
 * contractflow.audit.anchors.store}). An anchor is written once under its name and never changed.
 */
interface AnchorStore {

  /**
   * Writes a new anchor.
   *
   * @throws AnchorExists when an anchor of that name exists: it is never overwritten
   */
  void write(String name, byte[] content);

  /** The names of the anchors held ({@code anchor-<time>-<root>.json}), newest first. */
  List<String> names();

  /** The content of an anchor. */
  byte[] read(String name);

  /** Where the anchors are, for logs and health: {@code directory:...} or {@code s3:...}. */
  String describe();

  /** Whether a name is an anchor's. */
  static boolean isAnchor(String name) {
    return name.startsWith("anchor-") && name.endsWith(".json") && !name.contains("/");
  }

  /** An anchor of that name exists already. */
  final class AnchorExists extends RuntimeException {
    AnchorExists(String name) {
      super("The audit anchor " + name + " exists and is never overwritten");
    }
  }
}
