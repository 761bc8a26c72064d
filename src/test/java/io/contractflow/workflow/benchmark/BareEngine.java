package io.contractflow.workflow.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A plain Camunda engine next to the platform: no Spring, none of ContractFlow's beans, listeners
 * or plugins, on a database of its own on the same PostgreSQL server. It deploys the very model
 * files the platform deploys (the {@code processes/} folder on the classpath: BPMN, the DMN
 * approval matrix, the forms) with every {@code delegateExpression} bound to a {@link NoOpDelegates
 * no-op}. What the two engines must share to be compared is copied from the platform's engine:
 * history level, id generator, job acquisition and the job executor's thread pool, and the
 * connection pool's size.
 */
final class BareEngine implements AutoCloseable {

  private final ProcessEngine engine;
  private final HikariDataSource dataSource;
  private final Map<String, Object> settings;

  private BareEngine(
      ProcessEngine engine, HikariDataSource dataSource, Map<String, Object> settings) {
    this.engine = engine;
    this.dataSource = dataSource;
    this.settings = settings;
  }

  static BareEngine start(
      BenchmarkDatabases.Database database,
      ProcessEngineConfigurationImpl platform,
      DataSource platformDataSource)
      throws IOException {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("bare-engine");
    dataSource.setJdbcUrl(database.url());
    dataSource.setUsername(database.username());
    dataSource.setPassword(database.password());
    if (platformDataSource instanceof HikariDataSource hikari) {
      dataSource.setMaximumPoolSize(hikari.getMaximumPoolSize());
    }

    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-engine");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory(platform.getHistoryLevel().getName());
    configuration.setEnforceHistoryTimeToLive(true);
    if (platform.getIdGenerator() instanceof StrongUuidGenerator) {
      configuration.setIdGenerator(new StrongUuidGenerator());
    }
    configuration.setJobExecutorAcquireByPriority(platform.isJobExecutorAcquireByPriority());
    configuration.setJobExecutorPreferTimerJobs(platform.isJobExecutorPreferTimerJobs());
    configuration.setJobExecutorAcquireByDueDate(platform.isJobExecutorAcquireByDueDate());
    configuration.setDefaultNumberOfRetries(platform.getDefaultNumberOfRetries());
    configuration.setJobExecutor(jobExecutorLike(platform.getJobExecutor()));
    configuration.setJobExecutorActivate(true);

    Map<String, String> models = models();
    configuration.setBeans(NoOpDelegates.forModels(models.values()));
    ProcessEngine engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("bare-engine-benchmark");
    models.forEach((name, source) -> deployment.addString(name, source));
    deployment.deploy();

    JobExecutor jobs = configuration.getJobExecutor();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("history", configuration.getHistory());
    settings.put("idGenerator", configuration.getIdGenerator().getClass().getSimpleName());
    settings.put("maxJobsPerAcquisition", jobs.getMaxJobsPerAcquisition());
    settings.put(
        "jobThreads",
        ((DefaultJobExecutor) jobs).getCorePoolSize()
            + "-"
            + ((DefaultJobExecutor) jobs).getMaxPoolSize()
            + ", queue "
            + ((DefaultJobExecutor) jobs).getQueueSize());
    settings.put("connectionPool", dataSource.getMaximumPoolSize());
    settings.put("models", new ArrayList<>(models.keySet()));
    return new BareEngine(engine, dataSource, settings);
  }

  /** A job executor with the platform's acquisition settings and thread pool. */
  private static DefaultJobExecutor jobExecutorLike(JobExecutor platform) {
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setMaxJobsPerAcquisition(platform.getMaxJobsPerAcquisition());
    executor.setWaitTimeInMillis(platform.getWaitTimeInMillis());
    executor.setWaitIncreaseFactor(platform.getWaitIncreaseFactor());
    executor.setMaxWait(platform.getMaxWait());
    executor.setBackoffTimeInMillis(platform.getBackoffTimeInMillis());
    executor.setMaxBackoff(platform.getMaxBackoff());
    executor.setBackoffDecreaseThreshold(platform.getBackoffDecreaseThreshold());
    executor.setLockTimeInMillis(platform.getLockTimeInMillis());
    if (platform instanceof SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
      executor.setCorePoolSize(pool.getCorePoolSize());
      executor.setMaxPoolSize(pool.getMaxPoolSize());
      executor.setQueueSize(pool.getQueueCapacity());
    }
    return executor;
  }

  /**
   * The model files the platform deploys, by name: everything under {@code processes/} on the
   * classpath.
   */
  private static Map<String, String> models() throws IOException {
    Map<String, String> models = new LinkedHashMap<>();
    Resource[] resources =
        new PathMatchingResourcePatternResolver().getResources("classpath:processes/*");
    List<Resource> sorted = new ArrayList<>(List.of(resources));
    sorted.sort(
        (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
    for (Resource resource : sorted) {
      String name = resource.getFilename();
      if (name != null && name.matches(".*\\.(bpmn|dmn|form)")) {
        try (InputStream in = resource.getInputStream()) {
          models.put("processes/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    if (models.isEmpty()) {
      throw new IllegalStateException(
          "No models under processes/ on the classpath; run from the repository after"
              + " ./mvnw test-compile");
    }
    return models;
  }

  ProcessEngine engine() {
    return engine;
  }

  /** What the bare engine runs with, for the report. */
  Map<String, Object> settings() {
    return settings;
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
