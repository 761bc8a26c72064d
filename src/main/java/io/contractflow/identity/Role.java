package io.contractflow.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The role model, defined once: each role is a group (a Camunda group in the embedded default, a
 * Keycloak group later) and a Spring Security authority {@code ROLE_<NAME>}.
 */
public enum Role {
  REQUESTER("requester", "Requester", "Drafts contracts and manages their own"),
  LEGAL_REVIEWER("legal-reviewer", "Legal reviewer", "Reviews contracts for legal risk"),
  FINANCE_APPROVER(
      "finance-approver", "Finance approver", "Approves contracts above the finance threshold"),
  EXECUTIVE_APPROVER(
      "executive-approver",
      "Executive approver",
      "Approves contracts above the executive threshold"),
  SIGNATORY("signatory", "Signatory", "Signs contracts on behalf of the business"),
  CONTRACT_ADMIN(
      "contract-admin",
      "Contract admin",
      "Does everything, including administering users and models"),
  AUDITOR("auditor", "Auditor", "Reads every contract and process, changes nothing");

  private final String groupId;
  private final String displayName;
  private final String description;

  Role(String groupId, String displayName, String description) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.description = description;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  public String description() {
    return description;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}
