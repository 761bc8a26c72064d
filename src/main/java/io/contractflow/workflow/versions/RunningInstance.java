package io.contractflow.workflow.versions;

import java.util.List;

/**
 * A process instance running on one version: the contract it belongs to (the business key), and
 * where it waits.
 */
record RunningInstance(
    String contractId,
    String processInstanceId,
    String superProcessInstanceId,
    boolean suspended,
    List<String> activeActivities) {}
