package io.contractflow.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The e-signature vendors' APIs as WireMock stubs, one server per test JVM on a free loopback port:
 * DocuSign under {@code /docusign-auth} (OAuth) and {@code /docusign} (REST), Adobe Acrobat Sign
 * under {@code /adobe-oauth} and {@code /adobe}, PandaDoc under {@code /pandadoc}, RightSignature
 * under {@code /rightsignature} (its pre-signed storage links under {@code /rightsignature-files}).
 * Each test adds the stubs of its own envelopes, built from the vendors' documented requests and
 * responses. The platform is configured against it for every integration test ({@link
 * IntegrationTest}), with test credentials.
 */
public final class VendorStubs {

  public static final String DOCUSIGN_INTEGRATION_KEY = "2f1c5a55-it-integration-key";
  public static final String DOCUSIGN_USER_ID = "7c1d05f0-it-user";
  public static final String DOCUSIGN_ACCOUNT_ID = "a1b2c3d4-it-account";

  /** Connect HMAC keys: the old one still configured during a rotation, and the new one. */
  public static final String DOCUSIGN_HMAC_OLD = "old-connect-key-Yk3c9T";

  public static final String DOCUSIGN_HMAC_NEW = "new-connect-key-Qp7s2W";
  public static final String ADOBE_CLIENT_ID = "CBJCHBCAABAA-it-client";
  public static final String ADOBE_CLIENT_SECRET = "it-client-secret";
  public static final String ADOBE_REFRESH_TOKEN = "3AAABLblqZhC-it-refresh";

  public static final String PANDADOC_API_KEY = "it-pandadoc-api-key";
  public static final String PANDADOC_SHARED_KEY = "it-pandadoc-shared-key";

  /**
   * The platform's RightSignature private API token (the shared context; OAuth is tested on its own
   * session).
   */
  public static final String RIGHTSIGNATURE_PRIVATE_TOKEN = "it-rightsignature-private-token";

  /** Stripe: the secret API key, and the webhook's signing secrets (old and new, rotating). */
  public static final String STRIPE_API_KEY = "sk_test_it_51Hx";

  public static final String STRIPE_WEBHOOK_SECRET_OLD = "whsec_it_old_5b2f";
  public static final String STRIPE_WEBHOOK_SECRET_NEW = "whsec_it_new_9c7d";

  private static WireMockServer server;
  private static KeyPair docuSignKey;

  private VendorStubs() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server =
          new WireMockServer(
              WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        docuSignKey = generator.generateKeyPair();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  public static String baseUrl() {
    return "http://127.0.0.1:" + server().port();
  }

  public static RSAPublicKey docuSignPublicKey() {
    server();
    return (RSAPublicKey) docuSignKey.getPublic();
  }

  /**
   * The platform's configuration for the stubs; vendor reads time out after 5 s, polling is left to
   * the tests.
   */
  public static void register(DynamicPropertyRegistry registry) {
    String base = baseUrl();
    registry.add("contractflow.signing.polling.enabled", () -> "false");
    registry.add("contractflow.payments.stripe.api-key", () -> STRIPE_API_KEY);
    registry.add("contractflow.payments.stripe.base-url", () -> base + "/stripe");
    registry.add(
        "contractflow.payments.stripe.webhook-secrets",
        () -> STRIPE_WEBHOOK_SECRET_OLD + "," + STRIPE_WEBHOOK_SECRET_NEW);
    registry.add("contractflow.payments.stripe.read-timeout", () -> "PT5S");
    registry.add("contractflow.signing.docusign.enabled", () -> "true");
    registry.add("contractflow.signing.docusign.auth-base-url", () -> base + "/docusign-auth");
    registry.add("contractflow.signing.docusign.integration-key", () -> DOCUSIGN_INTEGRATION_KEY);
    registry.add("contractflow.signing.docusign.user-id", () -> DOCUSIGN_USER_ID);
    registry.add("contractflow.signing.docusign.account-id", () -> DOCUSIGN_ACCOUNT_ID);
    registry.add("contractflow.signing.docusign.private-key", VendorStubs::docuSignPrivateKeyPem);
    registry.add(
        "contractflow.signing.docusign.connect-hmac-keys",
        () -> DOCUSIGN_HMAC_OLD + "," + DOCUSIGN_HMAC_NEW);
    registry.add("contractflow.signing.docusign.read-timeout", () -> "5s");
    registry.add("contractflow.signing.adobe-sign.enabled", () -> "true");
    registry.add("contractflow.signing.adobe-sign.api-access-point", () -> base + "/adobe-oauth/");
    registry.add("contractflow.signing.adobe-sign.client-id", () -> ADOBE_CLIENT_ID);
    registry.add("contractflow.signing.adobe-sign.client-secret", () -> ADOBE_CLIENT_SECRET);
    registry.add("contractflow.signing.adobe-sign.refresh-token", () -> ADOBE_REFRESH_TOKEN);
    registry.add("contractflow.signing.adobe-sign.read-timeout", () -> "5s");
    registry.add("contractflow.signing.pandadoc.enabled", () -> "true");
    registry.add("contractflow.signing.pandadoc.base-url", () -> base + "/pandadoc");
    registry.add("contractflow.signing.pandadoc.api-key", () -> PANDADOC_API_KEY);
    registry.add("contractflow.signing.pandadoc.webhook-shared-key", () -> PANDADOC_SHARED_KEY);
    registry.add("contractflow.signing.pandadoc.read-timeout", () -> "5s");
    registry.add("contractflow.signing.rightsignature.enabled", () -> "true");
    registry.add("contractflow.signing.rightsignature.base-url", () -> base + "/rightsignature");
    registry.add(
        "contractflow.signing.rightsignature.private-token", () -> RIGHTSIGNATURE_PRIVATE_TOKEN);
    registry.add("contractflow.signing.rightsignature.read-timeout", () -> "5s");
  }

  private static String docuSignPrivateKeyPem() {
    server();
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(docuSignKey.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * A one-page PDF saying {@code text}: what a vendor hands back as a signed document or
   * certificate.
   */
  public static byte[] pdf(String text) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
