package io.contractflow.document.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where documents are stored.
 *
 * @param type {@code filesystem} (the embedded default) or {@code s3}
 * @param filesystem settings of the filesystem store
 * @param s3 settings of the S3-compatible store
 */
@ConfigurationProperties("contractflow.documents.storage")
public record StorageProperties(
    @DefaultValue("filesystem") Type type,
    @DefaultValue Filesystem filesystem,
    @DefaultValue S3 s3) {

  public enum Type {
    FILESYSTEM,
    S3
  }

  /**
   * @param root directory that holds the objects
   */
  public record Filesystem(@DefaultValue("./data/documents") Path root) {}

  /**
   * @param endpoint the S3 API endpoint; empty for AWS itself (e.g. {@code http://minio:9000})
   * @param region region name (any value for MinIO)
   * @param bucket bucket that holds the objects; created at start-up if missing
   * @param accessKey access key id; empty to use the AWS default credential chain
   * @param secretKey secret access key
   * @param pathStyle path-style addressing (MinIO, Supabase Storage); virtual-hosted style for AWS
   * @param timeout upper bound of one call, including retries
   */
  public record S3(
      URI endpoint,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("contractflow-documents") String bucket,
      String accessKey,
      String secretKey,
      @DefaultValue("true") boolean pathStyle,
      @DefaultValue("30s") Duration timeout) {}
}
