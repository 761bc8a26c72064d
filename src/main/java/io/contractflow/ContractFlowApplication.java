package io.contractflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ContractFlow: contract lifecycle management on the Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("contractflow")
public class ContractFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(ContractFlowApplication.class, args);
  }
}
