package io.contractflow.workflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the platform the process application {@code contractflow} ({@code META-INF/processes.xml}:
 * the models in {@code processes/}, deployed when changed). Here rather than on the application
 * class so that only {@code workflow} imports the engine, and so that a web slice test
 * ({@code @WebMvcTest}) starts without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableProcessApplication("contractflow")
class ProcessApplication {}
