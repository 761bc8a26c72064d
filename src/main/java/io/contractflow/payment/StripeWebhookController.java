package io.contractflow.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook. No login: each delivery is verified with the {@code Stripe-Signature} header
 * (HMAC-SHA256 of the signed timestamp and the raw body, with any of the endpoint's secrets so a
 * secret can be rolled over; timestamps older than the tolerance refused) before anything of it is
 * read; a delivery that fails is a 400 and changes nothing. Each event is applied once ({@link
 * StripeEvents}).
 */
@RestController
@Tag(name = "Payments", description = "Stripe invoices for payment obligations")
class StripeWebhookController {

  static final String PATH = "/api/webhooks/stripe";

  private final StripeProperties properties;
  private final StripeEvents events;
  private final Clock clock;

  StripeWebhookController(StripeProperties properties, StripeEvents events, Clock clock) {
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  @PostMapping(PATH)
  @Operation(
      summary =
          "Stripe's event notification, verified by its Stripe-Signature header (400 if not);"
              + " each event applied once")
  Map<String, String> notification(
      @RequestHeader(name = "Stripe-Signature", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    if (!properties.enabled() || properties.webhookSecrets().isEmpty()) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "not-found", "Payments by Stripe are not configured");
    }
    if (signature == null || body == null) {
      throw forged();
    }
    String payload = new String(body, StandardCharsets.UTF_8);
    // the platform's clock ticks in microseconds, whose millis() the JDK cannot compute (a tick
    // under a millisecond divides by zero): Stripe's check reads a fixed copy of now
    Clock now = Clock.fixed(clock.instant(), ZoneOffset.UTC);
    Event event = null;
    for (String secret : properties.webhookSecrets()) {
      try {
        event =
            Webhook.constructEvent(
                payload, signature, secret, properties.tolerance().toSeconds(), now);
        break;
      } catch (SignatureVerificationException wrongSecretOrForged) {
        // try the next secret
      } catch (RuntimeException notAnEvent) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "bad-request", "Not a Stripe event");
      }
    }
    if (event == null || event.getId() == null || event.getType() == null) {
      throw forged();
    }
    StripeEvents.Result result = events.apply(event.getId(), event.getType(), payload);
    return Map.of("id", event.getId(), "result", result.name());
  }

  private static ApiException forged() {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "signature",
        "The Stripe-Signature header does not verify this delivery (or its time is too old)");
  }
}
