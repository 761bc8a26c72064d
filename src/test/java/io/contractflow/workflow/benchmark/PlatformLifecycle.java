package io.contractflow.workflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.MailServer;
import io.contractflow.support.ProcessViews;
import io.contractflow.support.SignerMail;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * One contract through the full platform over HTTP, as its people would take it (the recipe of
 * {@code LifecycleIT}): rita creates a 12,000.50 EUR services contract and uploads its PDF, submits
 * it; each approver group the approval matrix picks (legal and finance) completes its review task
 * as its demo user; every signer signs through their link; done when the contract is ACTIVE and its
 * term waits at its renewal or end timer.
 */
final class PlatformLifecycle implements LifecycleDriver.Lifecycle {

  /** The demo user who acts for each approver group. */
  static final Map<String, String> APPROVERS =
      Map.of("legal-reviewer", "leo", "finance-approver", "fiona", "executive-approver", "erin");

  /**
   * The names of the term's timers in the active term model: the contract is active and its term
   * planned.
   */
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String OWNER = "rita";
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private final Api api;
  private final String counterpartyId;
  private final byte[] pdf = Corpus.sample("nda.pdf");
  private final SignerMail signers;
  private final PhaseTimes phases = new PhaseTimes();

  PlatformLifecycle(Api api) {
    this.api = api;
    this.signers = new SignerMail(MailServer.shared(), api);
    Api.Response counterparty =
        api.as(OWNER)
            .post(
                "/api/counterparties",
                JSON.createObjectNode()
                    .put("name", "Benchmark counterparty " + System.nanoTime())
                    .put("contactEmail", "legal@example.com"));
    expect(counterparty, 201, "create the counterparty");
    this.counterpartyId = counterparty.json().get("id").asText();
  }

  @Override
  public void run(int index) {
    Api.Response created =
        phases.time(
            "1 create (request)", () -> api.as(OWNER).post("/api/contracts", contract(index)));
    expect(created, 201, "create the contract");
    String id = created.json().get("id").asText();
    String contract = "/api/contracts/" + id;
    expect(
        phases.time(
            "2 upload the PDF (request)",
            () ->
                api.as(OWNER)
                    .upload(
                        contract + "/documents", "services-" + index + ".pdf", Corpus.PDF, pdf)),
        201,
        "upload the PDF");
    expect(
        phases.time(
            "3 submit (request)",
            () ->
                api.as(OWNER)
                    .post(
                        contract + "/submit",
                        JSON.createObjectNode()
                            .put("nonStandardTerms", false)
                            .put("comment", "ready for review"))),
        202,
        "submit");

    JsonNode review =
        phases.time(
            "4 wait: review tasks open (async)",
            () ->
                Polling.until(
                    PATIENCE,
                    "review tasks of " + id,
                    () -> process(contract),
                    p ->
                        ProcessViews.hasReviewTasks(p)
                            || !p.get("status").asText().matches("DRAFT|IN_REVIEW")));
    for (JsonNode task : review.get("openTasks")) {
      String group = task.get("candidateGroups").get(0).asText();
      String approver = APPROVERS.get(group);
      if (approver == null) {
        throw new IllegalStateException("No demo user for approver group " + group);
      }
      expect(
          phases.time(
              "5 approve, per group (request)",
              () ->
                  api.as(approver)
                      .post(
                          "/api/tasks/" + task.get("id").asText() + "/complete",
                          JSON.createObjectNode()
                              .put("decision", "APPROVE")
                              .put("comment", "fine by " + group))),
          204,
          group + " approves");
    }

    signEverything(contract);

    phases.time(
        "8 wait: sealed, active, term planned (async)",
        () ->
            Polling.until(
                PATIENCE,
                id + " to be active with its term planned",
                () -> process(contract),
                p ->
                    p.get("status").asText().equals("ACTIVE") && ProcessViews.waitsAtTermTimer(p)));
    phases.lifecycleDone();
  }

  /** Where the lifecycles so far spent their time, phase by phase. */
  String phases() {
    return phases.report();
  }

  /** Forgets the phases so far (after the warm-up). */
  void resetPhases() {
    phases.reset();
  }

  /**
   * Signs as every signer until the signing request is complete (parallel or sequential signers
   * alike): each reads their link and their one-time code from the mail ({@link PlatformUnderTest}
   * delivers to a GreenMail server).
   */
  private void signEverything(String contract) {
    while (true) {
      JsonNode signing =
          phases
              .time(
                  "6 wait: signing links sent (async)",
                  () ->
                      Polling.until(
                          PATIENCE,
                          "an open signer's turn for " + contract,
                          () -> api.as(OWNER).get(contract + "/signing"),
                          r ->
                              r.status() == 200
                                  && (ProcessViews.hasOpenTurn(r.json())
                                      || !r.json().get("status").asText().equals("OPEN"))))
              .json();
      if (!signing.get("status").asText().equals("OPEN")) {
        return;
      }
      signOpenTurns(signing);
    }
  }

  /**
   * Signs as every signer whose turn is open, step by step so that each step's time shows: the
   * invitation's arrival, the code (asked for, mailed, read), entering it, signing.
   */
  private void signOpenTurns(JsonNode signing) {
    String reference = signing.get("contractReference").asText();
    for (JsonNode signer : signing.get("signers")) {
      if (signer.get("turn").asBoolean() && signer.get("status").asText().equals("PENDING")) {
        String email = signer.get("email").asText();
        String token =
            phases.time(
                "7a sign: invitation mail arrives", () -> signers.awaitLink(email, reference));
        String code =
            phases.time(
                "7b sign: code asked, mailed, read", () -> signers.code(token, email, reference));
        Api.Response verified =
            phases.time("7c sign: code entered (request)", () -> signers.enter(token, code));
        expect(verified, 200, "enter the code");
        String session = verified.json().get("session").asText();
        Api.Response signed =
            phases.time(
                "7d sign: signed (request)",
                () -> signers.sign(token, session, signer.get("name").asText()));
        expect(signed, 200, "sign as " + signer.get("name").asText());
      }
    }
  }

  private JsonNode process(String contract) {
    Api.Response response = api.as(OWNER).get(contract + "/process");
    expect(response, 200, "read the process");
    return response.json();
  }

  /**
   * A two-year services contract that renews by the year with 30 days' notice: legal and finance
   * review it.
   */
  private ObjectNode contract(int index) {
    LocalDate today = io.contractflow.support.PlatformClock.today();
    ObjectNode body = JSON.createObjectNode();
    body.put("title", "Benchmark services agreement " + index);
    body.put("description", "Managed services");
    body.put("type", "SERVICES");
    body.put("counterpartyId", counterpartyId);
    body.putObject("value").put("amount", 12000.50).put("currency", "EUR");
    body.put("startDate", today.toString());
    body.put("endDate", today.plusYears(2).minusDays(1).toString());
    body.putObject("renewal")
        .put("autoRenew", true)
        .put("renewalTermMonths", 12)
        .put("noticePeriodDays", 30);
    body.putArray("tags").add("benchmark");
    return body;
  }

  private static void expect(Api.Response response, int status, String step) {
    if (response.status() != status) {
      throw new IllegalStateException(step + ": expected " + status + ", got " + response);
    }
  }
}
