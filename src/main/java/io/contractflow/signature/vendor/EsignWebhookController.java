package io.contractflow.signature.vendor;

import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-signature vendors' webhooks. No login: each call is verified the vendor's way before
 * anything of it is parsed (401 problem and no effect otherwise), then each event is applied once
 * ({@link WebhookEvents}).
 */
@RestController
@RequestMapping("/api/webhooks/esign/{provider}")
@Tag(name = "Signing", description = "A contract's signers and its signing requests")
class EsignWebhookController {

  private static final Logger log = LoggerFactory.getLogger(EsignWebhookController.class);

  private final Map<String, VendorWebhook> webhooks;
  private final WebhookEvents events;

  EsignWebhookController(List<VendorWebhook> webhooks, WebhookEvents events) {
    this.webhooks =
        webhooks.stream().collect(Collectors.toMap(VendorWebhook::provider, Function.identity()));
    this.events = events;
  }

  /** What the platform did with a delivery's events. */
  record Receipt(int received, int applied, int unchanged, int duplicates, int unknown) {}

  @GetMapping({"", "/{token}"})
  @Operation(
      summary =
          "A vendor's verification of the webhook URL (Adobe Acrobat Sign: X-AdobeSign-ClientId echo)")
  ResponseEntity<Map<String, String>> verification(
      @PathVariable String provider,
      @PathVariable(required = false) String token,
      HttpServletRequest request) {
    VendorWebhook webhook = webhook(provider);
    if (!webhook.answersVerificationGet()) {
      throw new ApiException(
          HttpStatus.METHOD_NOT_ALLOWED,
          "method-not-allowed",
          "The " + provider + " webhook takes POST only");
    }
    WebhookCall call = call(request, new byte[0], token);
    verify(webhook, call);
    HttpHeaders headers = new HttpHeaders();
    webhook.acknowledgement(call).forEach(headers::set);
    return ResponseEntity.ok().headers(headers).body(Map.of());
  }

  @PostMapping({"", "/{token}"})
  @Operation(
      summary =
          "A vendor's event notification; verified first (401 problem if it is not the vendor's)")
  ResponseEntity<Receipt> notification(
      @PathVariable String provider,
      @PathVariable(required = false) String token,
      @RequestBody(required = false) byte[] body,
      HttpServletRequest request) {
    VendorWebhook webhook = webhook(provider);
    WebhookCall call = call(request, body == null ? new byte[0] : body, token);
    verify(webhook, call);
    List<VendorEvent> received;
    try {
      received = webhook.events(call);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "bad-request", "Not a " + provider + " event: " + e.getMessage());
    }
    Map<WebhookEvents.Result, Integer> counts = new EnumMap<>(WebhookEvents.Result.class);
    for (VendorEvent event : received) {
      counts.merge(events.apply(provider, event), 1, Integer::sum);
    }
    HttpHeaders headers = new HttpHeaders();
    webhook.acknowledgement(call).forEach(headers::set);
    return ResponseEntity.ok()
        .headers(headers)
        .body(
            new Receipt(
                received.size(),
                counts.getOrDefault(WebhookEvents.Result.APPLIED, 0),
                counts.getOrDefault(WebhookEvents.Result.UNCHANGED, 0),
                counts.getOrDefault(WebhookEvents.Result.DUPLICATE, 0),
                counts.getOrDefault(WebhookEvents.Result.UNKNOWN, 0)));
  }

  private VendorWebhook webhook(String provider) {
    VendorWebhook webhook = webhooks.get(provider);
    if (webhook == null) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "not-found", "No enabled e-signature vendor '" + provider + "'");
    }
    return webhook;
  }

  private static void verify(VendorWebhook webhook, WebhookCall call) {
    try {
      webhook.verify(call);
    } catch (WebhookRejected e) {
      log.warn("Refused a {} webhook call: {}", webhook.provider(), e.getMessage());
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "This call is not verified as coming from " + webhook.provider());
    }
  }

  private static WebhookCall call(HttpServletRequest request, byte[] body, String token) {
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
    }
    // the query string only, never getParameter (which would read a form body)
    Map<String, String> query = new HashMap<>();
    String raw = request.getQueryString();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        query.putIfAbsent(
            name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return new WebhookCall(request.getMethod(), body, headers, query, token);
  }
}
