package io.contractflow.document.storage;

import io.contractflow.platform.storage.ContentMd5;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in one bucket of an S3-compatible store (AWS, MinIO, Supabase Storage, ...). Every call
 * is bounded by the configured timeout, retries included, and every failure becomes a {@link
 * DocumentStoreException} naming the key. Owns its {@link S3Client}: {@link #close()} releases it.
 */
public class S3DocumentStore implements DocumentStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3DocumentStore.class);

  private final S3Client s3;
  private final String bucket;

  public S3DocumentStore(S3Client s3, String bucket) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("contractflow.documents.storage.s3.bucket is required");
    }
    this.s3 = s3;
    this.bucket = bucket;
  }

  /**
   * A client for the settings: the JDK's HTTP stack (no Netty or Apache threads of its own),
   * bounded calls.
   */
  public static S3Client client(StorageProperties.S3 settings) {
    Duration timeout = settings.timeout();
    // a hung attempt may take half the budget, which leaves room for a retry within the bound of
    // the whole call
    Duration attemptTimeout = timeout.dividedBy(2);
    S3ClientBuilder builder =
        S3Client.builder()
            // a builder, not an instance: then the S3Client owns the HTTP client and closes it with
            // itself
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(attemptTimeout)
                    .socketTimeout(attemptTimeout))
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            .credentialsProvider(credentials(settings))
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(timeout)
                    .apiCallAttemptTimeout(attemptTimeout)
                    .retryStrategy(
                        RetryMode
                            .STANDARD) // 3 attempts with jittered backoff, whatever the environment
                    // says
                    .build())
            // uploads carry a Content-MD5 (see put) instead of the SDK's newer trailing checksums
            // in aws-chunked
            // bodies, which several S3-compatible stores do not understand
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
    if (settings.accessKey() == null || settings.accessKey().isBlank()) {
      return DefaultCredentialsProvider.builder()
          .build(); // environment, profile, container or instance role
    }
    if (settings.secretKey() == null || settings.secretKey().isBlank()) {
      throw new IllegalArgumentException(
          "contractflow.documents.storage.s3.secret-key is required with an access key");
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
  }

  /**
   * Creates the bucket unless it exists. Called once at start-up, so a wrong endpoint shows at
   * once.
   */
  public void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return;
    } catch (NoSuchBucketException e) {
      // create it below
    } catch (S3Exception e) {
      if (e.statusCode() == 403) {
        // least-privilege credentials may use the objects without the right to look at the bucket
        // itself
        log.warn("Not allowed to check bucket {}; assuming it exists", bucket);
        return;
      }
      if (e.statusCode() != 404) {
        throw failure("check of bucket " + bucket, e);
      }
    } catch (SdkException e) {
      throw failure("check of bucket " + bucket, e);
    }
    try {
      CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket);
      String region = s3.serviceClientConfiguration().region().id();
      if (!Region.US_EAST_1.id().equals(region)) {
        request.createBucketConfiguration(
            c -> c.locationConstraint(region)); // AWS refuses it only for us-east-1
      }
      s3.createBucket(request.build());
      log.info("Created bucket {}", bucket);
    } catch (BucketAlreadyOwnedByYouException e) {
      // another instance created it just now
    } catch (SdkException e) {
      throw failure("creation of bucket " + bucket, e);
    }
  }

  @Override
  public void put(String key, byte[] content) {
    StorageKeys.check(key);
    try {
      s3.putObject(
          b ->
              b.bucket(bucket)
                  .key(key)
                  .contentLength((long) content.length)
                  .contentMD5(ContentMd5.of(content)),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw failure("put of key " + key, e);
    }
  }

  @Override
  public byte[] get(String key) {
    StorageKeys.check(key);
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (NoSuchKeyException e) {
      throw new DocumentStoreException.NotFound(key);
    } catch (SdkException e) {
      throw failure("get of key " + key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    StorageKeys.check(key);
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false; // a HEAD response has no body, so some stores give no error code
      }
      throw failure("existence check of key " + key, e);
    } catch (SdkException e) {
      throw failure("existence check of key " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    StorageKeys.check(key);
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      // S3 answers 204 for a missing key; some compatible stores answer 404: both mean it is gone
    } catch (SdkException e) {
      throw failure("delete of key " + key, e);
    }
  }

  /**
   * The bucket answers; credentials that may not look at the bucket itself (403) count as an
   * answer.
   */
  @Override
  public void checkAvailable() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 403) {
        throw failure("check of bucket " + bucket, e);
      }
    } catch (SdkException e) {
      throw failure("check of bucket " + bucket, e);
    }
  }

  @Override
  public String describe() {
    return "s3:" + bucket;
  }

  @Override
  public void close() {
    s3.close();
  }

  private DocumentStoreException failure(String what, SdkException e) {
    return new DocumentStoreException(
        "S3 " + what + " in bucket " + bucket + " failed: " + e.getMessage(), e);
  }
}
