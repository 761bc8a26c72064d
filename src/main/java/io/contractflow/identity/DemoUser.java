package io.contractflow.identity;

import java.util.List;

/**
 * The demo users of the embedded default: one per role, plus a second requester to show ownership
 * rules.
 */
public record DemoUser(
    String username, String password, String firstName, String lastName, Role role) {

  public static final List<DemoUser> ALL =
      List.of(
          new DemoUser("rita", "rita", "Rita", "Ramos", Role.REQUESTER),
          new DemoUser("ravi", "ravi", "Ravi", "Rao", Role.REQUESTER),
          new DemoUser("leo", "leo", "Leo", "Lang", Role.LEGAL_REVIEWER),
          new DemoUser("fiona", "fiona", "Fiona", "Field", Role.FINANCE_APPROVER),
          new DemoUser("erin", "erin", "Erin", "Exley", Role.EXECUTIVE_APPROVER),
          new DemoUser("sam", "sam", "Sam", "Sato", Role.SIGNATORY),
          new DemoUser("admin", "admin", "Ada", "Admin", Role.CONTRACT_ADMIN),
          new DemoUser("audrey", "audrey", "Audrey", "Auden", Role.AUDITOR));

  public String email() {
    return username + "@contractflow.example";
  }
}
