package io.contractflow.workflow.versions;

import java.util.List;

/**
 * Move running contracts of one model from one version to another.
 *
 * @param fromVersion the version they run on now
 * @param toVersion the version to move them to
 * @param contractIds the contracts to move; none (null or empty) for every instance on {@code
 *     fromVersion}
 */
record MigrationRequest(Integer fromVersion, Integer toVersion, List<String> contractIds) {}
