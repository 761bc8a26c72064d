package io.contractflow.workflow.versions;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;

/**
 * Where a deployed model came from: the platform's own release ({@code processes/} on the
 * classpath, deployed by the process application {@code contractflow} at start), or anything else
 * (Camunda Modeler, {@code /engine-rest}, the Java API).
 */
enum ModelSource {
  CLASSPATH,
  API;

  /** The process archive's name in {@code META-INF/processes.xml}. */
  static final String CLASSPATH_DEPLOYMENT_NAME = "contractflow";

  static ModelSource of(Deployment deployment) {
    return deployment != null
            && CLASSPATH_DEPLOYMENT_NAME.equals(deployment.getName())
            && ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE.equals(
                deployment.getSource())
        ? CLASSPATH
        : API;
  }
}
