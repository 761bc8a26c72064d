package io.contractflow.workflow.versions;

import java.time.Instant;

/**
 * One deployed version of a process model and how many contracts (process instances) run on it.
 *
 * @param deployedBy the user who deployed it when the engine recorded one ({@code /engine-rest},
 *     Modeler), {@code platform} for the classpath, else null
 * @param deploymentSource the deployment's own source label (e.g. {@code process application},
 *     {@code Camunda Modeler})
 */
record ModelVersion(
    String key,
    int version,
    String definitionId,
    String name,
    String deploymentId,
    String deploymentName,
    String deploymentSource,
    Instant deployedAt,
    String deployedBy,
    ModelSource source,
    boolean latest,
    long runningInstances) {}
