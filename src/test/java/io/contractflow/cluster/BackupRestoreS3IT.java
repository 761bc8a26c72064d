package io.contractflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.contractflow.document.storage.InProcessS3;
import io.contractflow.document.storage.S3DocumentStore;
import io.contractflow.support.FreshDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The S3 path of {@code ops/backup/backup.sh} and {@code restore.sh} (docker-compose's MinIO, any
 * S3 bucket): objects under nested keys and the database are backed up, the bucket emptied and the
 * database dropped, a restore into a bucket that is not empty refused, and the restore into empty
 * ones brings back every object with the same bytes and every row. {@link BackupRestoreIT} runs the
 * whole platform on filesystem storage; this one needs no platform: the scripts only see a database
 * and a bucket. Needs the PostgreSQL client tools and the AWS CLI on the PATH (skipped without
 * them); the bucket is an in-process S3 server.
 */
@Tag("own-platform")
class BackupRestoreS3IT {

  @Test
  void documentsInAnS3BucketAreBackedUpAndRestoredByteForByte() throws Exception {
    assumeTrue(
        BackupRestoreIT.onPath("pg_dump")
            && BackupRestoreIT.onPath("pg_restore")
            && BackupRestoreIT.onPath("psql"),
        "the PostgreSQL client tools are not installed");
    assumeTrue(BackupRestoreIT.onPath("aws"), "the AWS CLI (aws) is not installed");
    Path workDir =
        Path.of("target", "backup-restore-s3", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(workDir);
    String bucket = "backup-" + UUID.randomUUID();
    try (InProcessS3 s3 = InProcessS3.start();
        FreshDatabase database = FreshDatabase.create("backups3", workDir)) {
      S3DocumentStore store =
          new S3DocumentStore(
              S3DocumentStore.client(s3.endpoint().settings(bucket, Duration.ofSeconds(10))),
              bucket);
      store.ensureBucket();
      Map<String, byte[]> objects = new LinkedHashMap<>();
      SecureRandom random = new SecureRandom();
      for (int i = 0; i < 5; i++) {
        byte[] content = new byte[1000 + random.nextInt(200_000)];
        random.nextBytes(content);
        String key = "contracts/" + UUID.randomUUID() + "/versions/" + (i + 1);
        store.put(key, content);
        objects.put(key, content);
      }
      try (Connection connection = database.connect();
          Statement sql = connection.createStatement()) {
        sql.execute("create schema contractflow");
        sql.execute("create table contractflow.contract (id uuid primary key, title text)");
        sql.execute("create table public.act_ge_property (name_ text primary key, value_ text)");
        sql.execute(
            "insert into contractflow.contract values ('" + UUID.randomUUID() + "', 'Kept in S3')");
        sql.execute("insert into public.act_ge_property values ('next.dbid', '101')");
      }
      Map<String, String> env = environment(database, s3.endpoint(), bucket);

      Script backup = run(env, "backup.sh", workDir.resolve("backups").toString());
      assertThat(backup.exitCode()).as(backup.output()).isZero();
      String[] lines = backup.output().strip().split("\n");
      Path backupDir = Path.of(lines[lines.length - 1]);
      assertThat(Files.readString(backupDir.resolve("backup.info"))).contains("storage=s3");

      // destroy: the bucket's objects and the database
      for (String key : objects.keySet()) {
        store.delete(key);
      }
      database.drop();
      database.recreate();

      // a bucket that is not empty is refused before anything is restored
      store.put("stray", "not from the backup".getBytes(StandardCharsets.UTF_8));
      Script refused = run(env, "restore.sh", backupDir.toString());
      assertThat(refused.exitCode()).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("is not empty");
      assertThat(tables(database)).isZero();
      store.delete("stray");

      Script restored = run(env, "restore.sh", backupDir.toString());
      assertThat(restored.exitCode()).as(restored.output()).isZero();
      for (Map.Entry<String, byte[]> object : objects.entrySet()) {
        assertThat(store.get(object.getKey())).as(object.getKey()).isEqualTo(object.getValue());
      }
      assertThat(store.exists("stray")).isFalse();
      try (Connection connection = database.connect();
          Statement sql = connection.createStatement();
          ResultSet rs = sql.executeQuery("select title from contractflow.contract")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("Kept in S3");
      }
    }
  }

  private static Map<String, String> environment(
      FreshDatabase database, InProcessS3.Endpoint s3, String bucket) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PGHOST", database.host());
    env.put("PGPORT", String.valueOf(database.port()));
    env.put("PGDATABASE", database.name());
    env.put("PGUSER", database.username());
    env.put("PGPASSWORD", database.password());
    env.put("CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE", "s3");
    env.put("CONTRACTFLOW_DOCUMENTS_STORAGE_S3_BUCKET", bucket);
    env.put("CONTRACTFLOW_DOCUMENTS_STORAGE_S3_ENDPOINT", s3.uri().toString());
    env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
    env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    // the test's server only: no profile or instance metadata of the machine
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return env;
  }

  private static long tables(FreshDatabase database) throws Exception {
    try (Connection connection = database.connect();
        Statement sql = connection.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select count(*) from information_schema.tables "
                    + "where table_schema in ('public', 'contractflow')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private record Script(int exitCode, String output) {}

  private static Script run(Map<String, String> env, String name, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("bash", Path.of("ops", "backup", name).toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Script(process.exitValue(), output);
  }
}
