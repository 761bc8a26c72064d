package io.contractflow.workflow.versions;

import java.util.List;

/**
 * Move running contracts of one model from one version to another.
 *
 * @param fromVersion the version they run on now
 * @param toVersion the version to move them to
 * @param contractIds the contracts to move; none (null or empty) for every instance on {@code
 *     fromVersion}
 * @param updateEventTriggers true to re-create waiting timers and message subscriptions from the
 *     new version (a duration timer starts again); false or null keeps them as they are
 */
record MigrationRequest(
    Integer fromVersion, Integer toVersion, List<String> contractIds, Boolean updateEventTriggers) {

  boolean updatesEventTriggers() {
    return Boolean.TRUE.equals(updateEventTriggers);
  }
}
