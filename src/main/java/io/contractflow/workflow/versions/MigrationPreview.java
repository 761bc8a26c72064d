package io.contractflow.workflow.versions;

import java.util.List;

/**
 * What a migration would do, before it is done: the engine's plan (the activities mapped by id, and
 * problems with it), the activities, events and gateways of the old version with no element of the
 * same id in the new one ({@code unmappedActivities}), and for each instance whether it can move,
 * with the engine's reasons when it cannot.
 *
 * @param instances how many instances the request covers
 * @param checked how many of them were checked (at most {@link ContractMigrations#PREVIEW_LIMIT})
 */
record MigrationPreview(
    String key,
    int fromVersion,
    int toVersion,
    List<Instruction> instructions,
    List<PlanProblem> planProblems,
    List<String> unmappedActivities,
    long instances,
    int checked,
    List<InstanceCheck> canMigrate,
    List<InstanceCheck> cannotMigrate) {

  /** An activity of the old version and the one of the new version it moves to. */
  record Instruction(String sourceActivityId, String targetActivityId) {}

  /** A migration instruction the engine finds invalid, and why. */
  record PlanProblem(String sourceActivityId, String targetActivityId, List<String> failures) {}

  /** One instance and the engine's reasons it cannot move (empty when it can). */
  record InstanceCheck(String contractId, String processInstanceId, List<String> failures) {}
}
