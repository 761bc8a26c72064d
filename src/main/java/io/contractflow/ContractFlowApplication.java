package io.contractflow;

import io.contractflow.search.EmbeddedOpenSearch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ContractFlow: contract lifecycle management on the Camunda 7 engine (switched on in {@code
 * workflow.ProcessApplication}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContractFlowApplication {

  public static void main(String[] args) {
    // the in-process OpenSearch node configures log4j-core itself (see search.EmbeddedOpenSearch)
    System.setProperty("log4j2.loggerContextFactory", EmbeddedOpenSearch.LOG4J_CONTEXT_FACTORY);
    SpringApplication.run(ContractFlowApplication.class, args);
  }
}
