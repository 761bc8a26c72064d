package io.contractflow.workflow.identity;

import static io.contractflow.identity.Role.AUDITOR;
import static io.contractflow.identity.Role.CONTRACT_ADMIN;
import static io.contractflow.identity.Role.EXECUTIVE_APPROVER;
import static io.contractflow.identity.Role.FINANCE_APPROVER;
import static io.contractflow.identity.Role.LEGAL_REVIEWER;
import static io.contractflow.identity.Role.REQUESTER;
import static io.contractflow.identity.Role.SIGNATORY;

import io.contractflow.identity.Role;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.drafting.DraftingVariables;
import io.contractflow.workflow.review.ReviewVariables;
import io.contractflow.workflow.term.TermVariables;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters every installation gets, so each role sees its work the moment it signs in.
 * With Camunda's authorizations on, Tasklist shows a user only the filters they may read; these
 * filters are shared with the role groups that work them, and nobody else (contract admins are
 * engine admins and see every filter anyway).
 *
 * <p>The criteria use Camunda's filter expressions, evaluated for whoever opens the filter: {@code
 * currentUser()}, {@code currentUserGroups()} and {@code now()}. The approval filters list the
 * whole team's queue, claimed tasks included, so a reviewer sees what colleagues hold too.
 *
 * <p>No filter saves an ordering: the engine applies a filter's saved ordering before the one
 * Tasklist asks for, so a saved ordering made Tasklist's sort control (newest first by default, due
 * date or priority at a click, remembered per filter) show one order and list another, and a new
 * task could sit past the first page of a long queue.
 */
final class ShippedTasklistFilters {

  /*
   * Tasks are found by the role their model gives them ({@code contractflow.role}), which each
   * task carries as its local variable {@code taskRole}: a renamed task stays in its filter.
   */
  static final String REVIEW_ROLE = ReviewVariables.ROLE_REVIEW;
  static final String SUBMIT_DRAFT_ROLE = DraftingVariables.ROLE_SUBMIT_DRAFT;
  static final String DECIDE_RENEWAL_ROLE = TermVariables.ROLE_DECIDE_RENEWAL;

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUPS = "${currentUserGroups()}";
  private static final String NOW = "${now()}";

  /** Everyone who works tasks; auditors read, they do not work. */
  private static final Set<Role> WORKERS =
      Set.of(
          REQUESTER,
          LEGAL_REVIEWER,
          FINANCE_APPROVER,
          EXECUTIVE_APPROVER,
          SIGNATORY,
          CONTRACT_ADMIN);

  static final List<TasklistFilter> ALL =
      List.of(
          new TasklistFilter(
              "my-tasks",
              "My tasks",
              "Tasks assigned to me",
              -30,
              false,
              WORKERS,
              q -> q.taskAssigneeExpression(ME)),
          new TasklistFilter(
              "my-groups-tasks",
              "My groups' tasks",
              "Unclaimed tasks for my groups: claim one to work on it",
              -25,
              true,
              WORKERS,
              q -> q.taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned()),
          new TasklistFilter(
              "overdue",
              "Overdue",
              "Past their due date: assigned to me, or for one of my groups",
              -20,
              true,
              WORKERS,
              q ->
                  q.dueBeforeExpression(NOW)
                      .or()
                      .taskAssigneeExpression(ME)
                      .taskCandidateGroupInExpression(MY_GROUPS)
                      .includeAssignedTasks()
                      .endOr()),
          new TasklistFilter(
              "drafts-to-submit",
              "Drafts to submit",
              "My drafts, ready to be submitted for review",
              -15,
              false,
              Set.of(REQUESTER, CONTRACT_ADMIN),
              q -> withRole(q, SUBMIT_DRAFT_ROLE).taskAssigneeExpression(ME)),
          new TasklistFilter(
              "renewal-decisions",
              "Renewal decisions",
              "My contracts that are up for renewal",
              -14,
              false,
              Set.of(REQUESTER, CONTRACT_ADMIN),
              q -> withRole(q, DECIDE_RENEWAL_ROLE).taskAssigneeExpression(ME)),
          approvalQueue(
              "legal-review",
              "Legal review",
              "Contracts waiting for legal review",
              -12,
              LEGAL_REVIEWER),
          approvalQueue(
              "finance-approval",
              "Finance approval",
              "Contracts waiting for finance approval",
              -11,
              FINANCE_APPROVER),
          approvalQueue(
              "executive-approval",
              "Executive approval",
              "Contracts waiting for executive approval",
              -10,
              EXECUTIVE_APPROVER),
          new TasklistFilter(
              "escalated-reviews",
              "Escalated reviews",
              "Reviews not done in time, escalated to contract admins",
              -5,
              true,
              Set.of(CONTRACT_ADMIN, AUDITOR),
              q -> q.taskCandidateGroup(CONTRACT_ADMIN.groupId()).includeAssignedTasks()));

  private ShippedTasklistFilters() {}

  /**
   * A team's approval queue: every task for the group, claimed or not; auditors and admins may
   * look.
   */
  private static TasklistFilter approvalQueue(
      String key, String name, String description, int priority, Role group) {
    return new TasklistFilter(
        key,
        name,
        description,
        priority,
        true,
        Set.of(group, CONTRACT_ADMIN, AUDITOR),
        q -> q.taskCandidateGroup(group.groupId()).includeAssignedTasks());
  }

  private static TaskQuery withRole(TaskQuery query, String role) {
    return query.taskVariableValueEquals(ProcessVariables.PLAYED_ROLE, role);
  }
}
