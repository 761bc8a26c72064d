package io.contractflow.workflow.benchmark;

import io.contractflow.ContractFlowApplication;
import io.contractflow.search.EmbeddedOpenSearch;
import io.contractflow.support.Api;
import io.contractflow.support.MailServer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real ContractFlow application started inside the benchmark's JVM, as {@code java -jar} would
 * start it (default profile, demo users, job executor on), on a fresh database and with its files
 * (documents, keys) in the run's temp directory, on a free port. Only the log is quieter: warnings
 * and errors.
 */
final class PlatformUnderTest implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final int port;
  private final double startupSeconds;

  private PlatformUnderTest(
      ConfigurableApplicationContext context, int port, double startupSeconds) {
    this.context = context;
    this.port = port;
    this.startupSeconds = startupSeconds;
  }

  static PlatformUnderTest boot(BenchmarkDatabases.Database database, Path workDir) {
    long start = System.nanoTime();
    try (Progress progress =
        Progress.printing(
            () ->
                String.format(
                    "[start-up] starting for %.0f s", (System.nanoTime() - start) / 1e9))) {
      return boot(database, workDir, start);
    }
  }

  private static PlatformUnderTest boot(
      BenchmarkDatabases.Database database, Path workDir, long start) {
    // the platform's in-process OpenSearch node configures log4j-core (ContractFlowApplication.main
    // does the same)
    System.setProperty("log4j2.loggerContextFactory", EmbeddedOpenSearch.LOG4J_CONTEXT_FACTORY);
    ConfigurableApplicationContext context =
        SpringApplication.run(
            ContractFlowApplication.class,
            "--server.port=0",
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password="
                + (database.password() == null ? "" : database.password()),
            "--contractflow.documents.storage.filesystem.root=" + workDir.resolve("documents"),
            "--contractflow.documents.encryption.generated-key-file="
                + workDir.resolve("keys/master-key"),
            "--contractflow.signing.seal.generated-keystore=" + workDir.resolve("keys/seal.p12"),
            "--contractflow.signing.log-links=false",
            // signers read their links and one-time codes from the mail, as people would
            "--contractflow.notifications.delivery=smtp",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + MailServer.shared().port(),
            "--contractflow.outbox.poll-interval=200ms",
            // every lifecycle is rita's: her per-user API budget (1,200 a minute, against one
            // user's flood) would turn the measurement into one of the rate limit (429s)
            "--contractflow.security.rate-limits.api-requests-per-user.capacity=1000000",
            // the benchmarks load past months' history after start-up and summarise it themselves
            "--contractflow.reports.history-summary-delay=P3650D",
            "--contractflow.search.embedded.data-dir=" + workDir.resolve("opensearch"),
            "--logging.file.name=",
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off");
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new PlatformUnderTest(context, port, (System.nanoTime() - start) / 1e9);
  }

  Api api() {
    return new Api(port);
  }

  int port() {
    return port;
  }

  double startupSeconds() {
    return startupSeconds;
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  ProcessEngineConfigurationImpl engineConfiguration() {
    return (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
  }

  DataSource dataSource() {
    return context.getBean(DataSource.class);
  }

  TransactionTemplate transactions() {
    return new TransactionTemplate(
        context.getBean("transactionManager", PlatformTransactionManager.class));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
