package io.contractflow.signature;

import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.error.TooManyAttemptsException;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signer's page for a person with a browser: everything the signer API does, as plain HTML
 * forms, without login and without script. The signer first asks for a one-time code and enters it;
 * the verified session is kept in a cookie for this link. Refusals come back as pages with the same
 * status the API gives (400, 403, 404, 409, 410, 429 with Retry-After).
 */
@Hidden
@RestController
@RequestMapping("/sign/{token}")
class SigningPageController {

  private final SigningCeremony ceremony;

  SigningPageController(SigningCeremony ceremony) {
    this.ceremony = ceremony;
  }

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
    try {
      return html(
          HttpStatus.OK,
          SigningPage.render(
              request.getContextPath(),
              token,
              ceremony.view(token, SigningLinkController.session(token, request)),
              null,
              false));
    } catch (DomainException refused) {
      return refusal(ApiException.from(refused));
    }
  }

  @PostMapping(path = "/code", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> code(@PathVariable String token, HttpServletRequest request) {
    try {
      SignerVerification.CodeSent sent = ceremony.requestCode(token);
      String message =
          "We sent a code to "
              + sent.sentTo()
              + ". It works until "
              + CompletionCertificate.UTC_TIME.format(sent.expiresAt())
              + ".";
      return html(
          HttpStatus.OK,
          SigningPage.render(
              request.getContextPath(),
              token,
              ceremony.view(token, SigningLinkController.session(token, request)),
              message,
              false));
    } catch (DomainException refused) {
      return again(token, refused, request);
    }
  }

  @PostMapping(
      path = "/verify",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> verify(
      @PathVariable String token,
      @RequestParam(required = false) String code,
      HttpServletRequest request) {
    try {
      SignerVerification.Outcome outcome = ceremony.verify(token, code);
      if (outcome.refusal() != null) {
        return again(token, outcome.refusal(), request);
      }
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .location(URI.create(request.getContextPath() + "/sign/" + token))
          .headers(securityHeaders())
          .header(
              HttpHeaders.SET_COOKIE,
              SigningLinkController.sessionCookie(token, outcome.session(), request).toString())
          .build();
    } catch (DomainException refused) {
      return again(token, refused, request);
    }
  }

  @PostMapping(
      path = "/sign",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> sign(
      @PathVariable String token,
      @RequestParam(required = false) String typedName,
      @RequestParam(required = false) String consent,
      HttpServletRequest request) {
    boolean agreed = "true".equalsIgnoreCase(consent) || "on".equalsIgnoreCase(consent);
    try {
      ceremony.sign(
          token,
          SigningLinkController.session(token, request),
          typedName,
          agreed,
          request.getRemoteAddr(),
          request.getHeader(HttpHeaders.USER_AGENT));
      // back to the page, which now shows the signature (a reload does not post again)
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .location(URI.create(request.getContextPath() + "/sign/" + token))
          .headers(securityHeaders())
          .build();
    } catch (DomainException refused) {
      return again(token, refused, request);
    }
  }

  @PostMapping(
      path = "/decline",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> decline(
      @PathVariable String token,
      @RequestParam(required = false) String reason,
      HttpServletRequest request) {
    try {
      SigningCeremony.SignerPage page =
          ceremony.decline(token, SigningLinkController.session(token, request), reason);
      return html(
          HttpStatus.OK,
          SigningPage.message(
              "You declined to sign " + page.contractReference(),
              "Your reason was recorded and the other signers' links no longer work. You can close this page."));
    } catch (DomainException refused) {
      return again(token, refused, request);
    }
  }

  /**
   * The page again with what was wrong on top, or only the refusal if the link itself does not
   * work.
   */
  private ResponseEntity<String> again(
      String token, DomainException refusal, HttpServletRequest request) {
    ApiException refused = ApiException.from(refusal);
    if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.GONE) {
      return refusal(refused);
    }
    try {
      String message =
          refused.errors().isEmpty()
              ? refused.getMessage()
              : refused.errors().get(0).field() + " " + refused.errors().get(0).message();
      ResponseEntity<String> page =
          html(
              refused.status(),
              SigningPage.render(
                  request.getContextPath(),
                  token,
                  ceremony.view(token, SigningLinkController.session(token, request)),
                  message,
                  true));
      if (refusal instanceof TooManyAttemptsException limited) {
        return ResponseEntity.status(page.getStatusCode())
            .headers(page.getHeaders())
            .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
            .body(page.getBody());
      }
      return page;
    } catch (DomainException linkRefused) {
      return refusal(ApiException.from(linkRefused));
    }
  }

  private static ResponseEntity<String> refusal(ApiException refused) {
    String title =
        switch (refused.status()) {
          case NOT_FOUND -> "Unknown signing link";
          case GONE -> "This signing link no longer works";
          default -> "The request could not be completed";
        };
    return html(refused.status(), SigningPage.message(title, refused.getMessage()));
  }

  private static ResponseEntity<String> html(HttpStatusCode status, String body) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .headers(securityHeaders())
        .body(body);
  }

  private static HttpHeaders securityHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Security-Policy", SigningPage.CONTENT_SECURITY_POLICY);
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl("no-store");
    return headers;
  }
}
