package io.contractflow.workflow.versions;

import java.time.Instant;
import java.util.List;

/**
 * How the latest deployed version of one model relates to the platform's release (the model in
 * {@code processes/} on the classpath).
 *
 * @param kind {@code process} or {@code decision}
 * @param latestSource where the latest version came from
 * @param classpathVersion the newest version deployed from the classpath, null if none ever was
 * @param classpathResource the model's file in the release, null if it has none
 * @param classpathMatchesLatest whether the release's file is the latest version, byte for byte
 *     (null without a file)
 * @param classpathChanged whether the release's file differs from the newest classpath deployment,
 *     so that the next start deploys it as a new version (null without a file)
 * @param replacedVersions versions deployed from elsewhere that a later classpath version replaced
 *     as the latest
 */
record ModelDrift(
    String kind,
    String key,
    int latestVersion,
    ModelSource latestSource,
    String latestDeploymentName,
    Instant latestDeployedAt,
    Integer classpathVersion,
    String classpathResource,
    Boolean classpathMatchesLatest,
    Boolean classpathChanged,
    List<Integer> replacedVersions,
    Status status,
    String explanation) {

  enum Status {
    /** The latest version is the release's. */
    IN_STEP,
    /**
     * A version deployed from elsewhere (Modeler, the API) is newer than the release's and stays
     * the latest while the release's file is unchanged.
     */
    NEWER_OUTSIDE_RELEASE,
    /** A changed release file was deployed over a version deployed from elsewhere. */
    RELEASE_REPLACED_OUTSIDE_VERSION,
    /** The model exists only outside the release. */
    NOT_IN_RELEASE
  }

  boolean drifts() {
    return status == Status.NEWER_OUTSIDE_RELEASE
        || status == Status.RELEASE_REPLACED_OUTSIDE_VERSION;
  }
}
