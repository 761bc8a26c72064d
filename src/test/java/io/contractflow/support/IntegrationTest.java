package io.contractflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole platform on a random port, one Spring context shared by
 * every test class, real PostgreSQL (from the environment, else embedded), real HTTP, mail to a
 * real SMTP server ({@link MailServer}). Tests create their own data with unique names, so they
 * also run against a database that others have used.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = MailServer.Settings.class)
public abstract class IntegrationTest {

  protected static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort protected int port;

  protected Api api;

  /**
   * The platform's clock: test dates are relative to it, so the suite passes on any day (and with
   * it moved).
   */
  @Autowired protected Clock clock;

  /**
   * The e-signature vendors, as WireMock stubs ({@link VendorStubs}); the same for every test
   * class.
   */
  @DynamicPropertySource
  static void vendorStubs(DynamicPropertyRegistry registry) {
    VendorStubs.register(registry);
  }

  @BeforeEach
  void connect() {
    api =
        getClass().isAnnotationPresent(KeycloakPlatform.class)
            ? new Api(port, KeycloakServer.shared().bearerCredentials())
            : new Api(port);
  }

  protected static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  protected String createCounterparty(String user) {
    Api.Response response =
        api.as(user)
            .post(
                "/api/counterparties",
                JSON.createObjectNode()
                    .put("name", unique("Counterparty"))
                    .put("contactEmail", "legal@example.com"));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** Today on the platform's clock (UTC). */
  protected LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /**
   * A valid contract body for this counterparty: a one-year term in its last weeks, ending 45 days
   * from today with 30 days' notice, so the renewal decision (asked a lead time before the notice
   * deadline) is already due while notice can still be given.
   */
  protected ObjectNode contractBody(String counterpartyId) {
    LocalDate end = today().plusDays(45);
    ObjectNode body = JSON.createObjectNode();
    body.put("title", unique("Services agreement"));
    body.put("description", "Managed services");
    body.put("type", "SERVICES");
    body.put("counterpartyId", counterpartyId);
    body.putObject("value").put("amount", 12000.50).put("currency", "EUR");
    body.put("startDate", end.minusYears(1).plusDays(1).toString());
    body.put("endDate", end.toString());
    body.putObject("renewal")
        .put("autoRenew", true)
        .put("renewalTermMonths", 12)
        .put("noticePeriodDays", 30);
    body.putArray("tags").add("it").add("services");
    return body;
  }

  protected JsonNode createContract(String user, ObjectNode body) {
    Api.Response response = api.as(user).post("/api/contracts", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  /** A draft owned by {@code user} (a requester or admin), with a counterparty of its own. */
  protected JsonNode createContract(String user) {
    return createContract(user, contractBody(createCounterparty(user)));
  }

  /**
   * Uploads the sample NDA as the contract's document, submits it, and signs every open turn from
   * the signers' mail: an NDA of small value goes from submission straight to signing. Returns the
   * signing as the API showed it.
   */
  protected JsonNode submitAndSign(String owner, String contractId) {
    Duration patience = Duration.ofSeconds(90);
    Api.Response uploaded =
        api.as(owner)
            .upload(
                "/api/contracts/" + contractId + "/documents",
                "nda.pdf",
                io.contractflow.document.Corpus.PDF,
                io.contractflow.document.Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    await()
        .atMost(patience)
        .until(
            () ->
                api.as(owner).post("/api/contracts/" + contractId + "/submit", null).status()
                    == 202);
    JsonNode signing =
        await()
            .atMost(patience)
            .until(
                () -> api.as(owner).get("/api/contracts/" + contractId + "/signing"),
                r -> r.status() == 200)
            .json();
    new SignerMail(MailServer.shared(), api).signOpenTurns(signing);
    return signing;
  }
}
