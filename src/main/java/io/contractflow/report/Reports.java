package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.customfield.CustomFieldDefinition;
import io.contractflow.customfield.CustomFieldDefinitions;
import io.contractflow.customfield.FieldKind;
import io.contractflow.platform.error.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports, each computed for a {@link ContractScope}: what the caller may read (their own and
 * shared contracts), or everything for admins and auditors. Read-only transactions: a report's
 * statements see one snapshot.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

  private final PortfolioReport portfolio;
  private final RenewalsReport renewals;
  private final CycleTimeReport cycleTimes;
  private final ApprovalOutcomesReport approvalOutcomes;
  private final OverdueReviewsReport overdueReviews;
  private final SigningTimeReport signingTimes;
  private final ObligationsReport obligations;
  private final CustomFieldDefinitions customFields;
  private final JdbcTemplate jdbc;

  Reports(
      PortfolioReport portfolio,
      RenewalsReport renewals,
      CycleTimeReport cycleTimes,
      ApprovalOutcomesReport approvalOutcomes,
      OverdueReviewsReport overdueReviews,
      SigningTimeReport signingTimes,
      ObligationsReport obligations,
      CustomFieldDefinitions customFields,
      JdbcTemplate jdbc) {
    this.customFields = customFields;
    this.obligations = obligations;
    this.portfolio = portfolio;
    this.renewals = renewals;
    this.cycleTimes = cycleTimes;
    this.approvalOutcomes = approvalOutcomes;
    this.overdueReviews = overdueReviews;
    this.signingTimes = signingTimes;
    this.jdbc = jdbc;
  }

  /**
   * Settings for the report's transaction only: no JIT (PostgreSQL compiled these aggregates for up
   * to 1.4 s to save milliseconds: their cost estimates pass jit_above_cost at 100,000 contracts),
   * room to sort the durations for the percentiles in memory, and a plan for each call's values:
   * who asks decides the plan (a requester's few contracts by index, an admin's by time range), and
   * the generic plan PostgreSQL switches to after five executions of a prepared statement took a
   * requester's cycle times from 0.2 to 3.7 s.
   */
  private void analytical() {
    jdbc.execute("set local jit = off");
    jdbc.execute("set local plan_cache_mode = force_custom_plan");
    jdbc.execute("set local work_mem = '32MB'");
  }

  public Report portfolio(ContractScope scope) {
    analytical();
    return portfolio.build(scope, null);
  }

  /**
   * The portfolio, also grouped by a choice custom field ({@code cf.<key>}; null: not).
   *
   * @throws InvalidInputException if {@code groupBy} names no choice custom field
   */
  public Report portfolio(ContractScope scope, String groupBy) {
    if (groupBy == null || groupBy.isBlank()) {
      return portfolio(scope);
    }
    String key = groupBy.strip().startsWith("cf.") ? groupBy.strip().substring(3) : "";
    CustomFieldDefinition field =
        customFields
            .byKey(key)
            .filter(f -> f.kind() == FieldKind.CHOICE)
            .orElseThrow(
                () ->
                    InvalidInputException.field(
                        "groupBy", "must be cf.<key> of a choice custom field"));
    analytical();
    return portfolio.build(scope, field);
  }

  public Report renewals(ContractScope scope, Integer days) {
    analytical();
    return renewals.build(scope, days);
  }

  public Report cycleTimes(ContractScope scope, Integer months) {
    analytical();
    return cycleTimes.build(scope, months);
  }

  public Report approvalOutcomes(ContractScope scope, Integer months) {
    analytical();
    return approvalOutcomes.build(scope, months);
  }

  public Report overdueReviews(ContractScope scope, Integer months) {
    analytical();
    return overdueReviews.build(scope, months);
  }

  public Report obligations(ContractScope scope, Integer months) {
    analytical();
    return obligations.build(scope, months);
  }

  public Report signingTimes(ContractScope scope, Integer months) {
    analytical();
    return signingTimes.build(scope, months);
  }
}
