package io.contractflow.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how often the audit trail is anchored ({@code contractflow.audit.anchors.*}).
 *
 * @param enabled whether checkpoints are taken on a schedule
 * @param store {@code directory} (the embedded default) or {@code s3}
 * @param directory where the directory store writes anchor files: outside the database, ideally on
 *     storage the database's users cannot change (another machine's share, a WORM volume)
 * @param interval how often a checkpoint is taken (none when no entry was added since the last)
 * @param s3 settings of the S3 store
 */
@ConfigurationProperties("contractflow.audit.anchors")
record AnchorProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("directory") Store store,
    @DefaultValue("./data/audit-anchors") Path directory,
    @DefaultValue("PT1H") Duration interval,
    @DefaultValue S3 s3) {

  enum Store {
    DIRECTORY,
    S3
  }

  /** The object lock modes of S3: COMPLIANCE binds everyone, GOVERNANCE all without bypass. */
  enum LockMode {
    COMPLIANCE,
    GOVERNANCE
  }

  /**
   * The S3 anchor store. Every client setting left empty is taken from the document store's ({@code
   * contractflow.documents.storage.s3.*}), so where documents are in S3 the anchors need no setting
   * but {@code store: s3}.
   *
   * @param bucket the bucket; empty for the documents' bucket. A bucket of its own that is missing
   *     is created at start-up, with object lock enabled when a lock mode is set
   * @param prefix the key prefix of the anchor objects
   * @param endpoint the S3 API endpoint; empty for the documents'
   * @param region the region; empty for the documents'
   * @param accessKey the access key id; empty for the documents'
   * @param secretKey the secret access key; empty for the documents'
   * @param pathStyle path-style addressing; empty for the documents'
   * @param timeout upper bound of one call; empty for the documents'
   * @param lockMode the object lock mode each anchor is written with; empty for none. The bucket
   *     must have object lock enabled (which S3 allows only when a bucket is created)
   * @param lockRetention how long each anchor is locked from the time it is written
   */
  record S3(
      String bucket,
      @DefaultValue("audit-anchors/") String prefix,
      URI endpoint,
      String region,
      String accessKey,
      String secretKey,
      Boolean pathStyle,
      Duration timeout,
      LockMode lockMode,
      @DefaultValue("P3653D") Duration lockRetention) {}
}
