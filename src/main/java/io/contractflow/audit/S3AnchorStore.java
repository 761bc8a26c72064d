package io.contractflow.audit;

import io.contractflow.platform.storage.ContentMd5;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Anchors as objects under a prefix of an S3 bucket ({@code <prefix>anchor-<time>-<root>.json}).
 * Each is written once: a put that finds the key refuses, and the put itself is conditional ({@code
 * If-None-Match: *}), so a store that knows conditional writes refuses a race as well. With a lock
 * mode each object is written with S3 Object Lock retention (mode and retain-until date on the put
 * itself), so that nobody, the platform's own credentials included, can delete or change it before
 * then; the bucket must have object lock enabled. Owns its {@link S3Client}.
 */
final class S3AnchorStore implements AnchorStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3AnchorStore.class);

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final AnchorProperties.LockMode lockMode;
  private final Duration lockRetention;
  private final Clock clock;

  S3AnchorStore(
      S3Client s3,
      String bucket,
      String prefix,
      AnchorProperties.LockMode lockMode,
      Duration lockRetention,
      Clock clock) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("contractflow.audit.anchors.s3.bucket is required");
    }
    if (lockMode != null
        && (lockRetention == null || lockRetention.isNegative() || lockRetention.isZero())) {
      throw new IllegalArgumentException(
          "contractflow.audit.anchors.s3.lock-retention must be positive with a lock mode");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix == null ? "" : prefix;
    this.lockMode = lockMode;
    this.lockRetention = lockRetention;
    this.clock = clock;
  }

  /**
   * Creates the bucket unless it exists, with object lock enabled when a lock mode is set; with a
   * lock mode, an existing bucket must have object lock enabled, else the start fails here rather
   * than every anchor later. Credentials that may not look at the bucket (403) are trusted.
   */
  void ensureBucket() {
    boolean exists;
    try {
      s3.headBucket(b -> b.bucket(bucket));
      exists = true;
    } catch (NoSuchBucketException e) {
      exists = false;
    } catch (S3Exception e) {
      if (e.statusCode() == 403) {
        log.warn("Not allowed to check the audit anchor bucket {}; assuming it exists", bucket);
        return;
      }
      if (e.statusCode() != 404) {
        throw failure("check of the bucket", e);
      }
      exists = false;
    } catch (SdkException e) {
      throw failure("check of the bucket", e);
    }
    if (!exists) {
      create();
    } else if (lockMode != null) {
      checkObjectLock();
    }
  }

  private void create() {
    try {
      CreateBucketRequest.Builder request =
          CreateBucketRequest.builder()
              .bucket(bucket)
              .objectLockEnabledForBucket(lockMode != null ? Boolean.TRUE : null);
      String region = s3.serviceClientConfiguration().region().id();
      if (!Region.US_EAST_1.id().equals(region)) {
        request.createBucketConfiguration(c -> c.locationConstraint(region));
      }
      s3.createBucket(request.build());
      log.info(
          "Created the audit anchor bucket {}{}",
          bucket,
          lockMode != null ? " with object lock" : "");
    } catch (BucketAlreadyOwnedByYouException e) {
      // another instance created it just now
    } catch (SdkException e) {
      throw failure("creation of the bucket", e);
    }
  }

  private void checkObjectLock() {
    try {
      var configuration = s3.getObjectLockConfiguration(b -> b.bucket(bucket));
      if (configuration.objectLockConfiguration() != null
          && configuration.objectLockConfiguration().objectLockEnabled()
              == ObjectLockEnabled.ENABLED) {
        return;
      }
    } catch (S3Exception e) {
      if (e.statusCode() == 403) {
        log.warn("Not allowed to read the object lock of bucket {}; assuming it is on", bucket);
        return;
      }
      if (e.statusCode() != 404) {
        throw failure("check of the bucket's object lock", e);
      }
    } catch (SdkException e) {
      throw failure("check of the bucket's object lock", e);
    }
    throw new IllegalStateException(
        "contractflow.audit.anchors.s3.lock-mode is set but bucket "
            + bucket
            + " has no object lock: S3 enables it only when a bucket is created; create the"
            + " bucket with object lock, or name a new bucket and the platform creates it so");
  }

  @Override
  public void write(String name, byte[] content) {
    String key = key(name);
    if (exists(key)) {
      throw new AnchorExists(name);
    }
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(key)
            .contentType("application/json")
            .contentLength((long) content.length)
            .contentMD5(ContentMd5.of(content))
            .ifNoneMatch("*");
    if (lockMode != null) {
      request
          .objectLockMode(ObjectLockMode.fromValue(lockMode.name()))
          .objectLockRetainUntilDate(clock.instant().plus(lockRetention));
    }
    try {
      s3.putObject(request.build(), RequestBody.fromBytes(content));
    } catch (S3Exception e) {
      // 412: the key exists; 409: a concurrent conditional write of the same key
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        throw new AnchorExists(name);
      }
      throw failure("put of " + key, e);
    } catch (SdkException e) {
      throw failure("put of " + key, e);
    }
  }

  private boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("existence check of " + key, e);
    } catch (SdkException e) {
      throw failure("existence check of " + key, e);
    }
  }

  @Override
  public List<String> names() {
    try {
      return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
          .map(S3Object::key)
          .map(key -> key.substring(prefix.length()))
          .filter(AnchorStore::isAnchor)
          .sorted(Comparator.reverseOrder())
          .toList();
    } catch (SdkException e) {
      throw failure("listing of " + prefix, e);
    }
  }

  @Override
  public byte[] read(String name) {
    String key = key(name);
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (SdkException e) {
      throw failure("get of " + key, e);
    }
  }

  @Override
  public String describe() {
    return "s3:"
        + bucket
        + "/"
        + prefix
        + (lockMode != null ? " (object lock " + lockMode + ")" : "");
  }

  @Override
  public void close() {
    s3.close();
  }

  private String key(String name) {
    if (!AnchorStore.isAnchor(name)) {
      throw new IllegalArgumentException("Not an audit anchor's name: " + name);
    }
    return prefix + name;
  }

  private IllegalStateException failure(String what, SdkException e) {
    return new IllegalStateException(
        "S3 " + what + " in audit anchor bucket " + bucket + " failed: " + e.getMessage(), e);
  }
}
