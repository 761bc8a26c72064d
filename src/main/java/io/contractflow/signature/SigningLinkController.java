package io.contractflow.signature;

import io.contractflow.platform.validation.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signer's API, without login: the link's token shows the page; a one-time code mailed to the
 * signer's address ({@code POST .../code}, then {@code POST .../verify}) opens a verified session,
 * sent back in the {@code X-Signer-Session} header of later calls (or kept as a cookie), which the
 * document, signing and declining need (see {@link SigningCeremony}). The HTML page {@code
 * /sign/{token}} does the same for a person with a browser.
 */
@RestController
@RequestMapping("/api/signing/{token}")
@Tag(
    name = "Signing (signers)",
    description = "For signers, authorised by their link's token alone")
class SigningLinkController {

  private final SigningCeremony ceremony;

  SigningLinkController(SigningCeremony ceremony) {
    this.ceremony = ceremony;
  }

  /** A signature: the signer's typed name and their consent. */
  record SignRequest(
      @NotBlank @Size(max = 200) @PlainText String typedName,
      @NotNull @AssertTrue Boolean consent) {}

  /** Why the signer declines. */
  record DeclineRequest(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}

  /** The one-time code the signer received. */
  record VerifyRequest(@NotBlank @Size(max = 20) String code) {}

  /**
   * A verified session: send {@code session} as the {@code X-Signer-Session} header until {@code
   * expiresAt}.
   */
  record VerifiedSession(String session, Instant verifiedAt, Instant expiresAt) {}

  @GetMapping
  @Operation(
      summary =
          "What the signer is to sign: the contract, their status, whose turn it is, the expiry,"
              + " whether this session verified the signer's address")
  SigningCeremony.SignerPage view(@PathVariable String token, HttpServletRequest request) {
    return ceremony.view(token, session(token, request));
  }

  @PostMapping("/code")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary =
          "Mail a one-time code to the signer's address (one per minute, five per hour: else 429 with"
              + " Retry-After)")
  SignerVerification.CodeSent code(@PathVariable String token) {
    return ceremony.requestCode(token);
  }

  @PostMapping("/verify")
  @Operation(
      summary =
          "Enter the one-time code: a verified session for this link (header X-Signer-Session, also"
              + " set as a cookie); 403 for a wrong, expired or void code")
  ResponseEntity<VerifiedSession> verify(
      @PathVariable String token,
      @RequestBody @Valid VerifyRequest body,
      HttpServletRequest request) {
    SignerVerification.Outcome outcome = ceremony.verify(token, body.code());
    if (outcome.refusal() != null) {
      throw outcome.refusal();
    }
    SignerVerification.Session session = outcome.session();
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, sessionCookie(token, session, request).toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new VerifiedSession(session.secret(), session.verifiedAt(), session.expiresAt()));
  }

  @GetMapping("/document")
  @Operation(summary = "The PDF to sign, as an attachment (verified session)")
  ResponseEntity<byte[]> document(@PathVariable String token, HttpServletRequest request) {
    SigningCeremony.Document document = ceremony.document(token, session(token, request));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, Attachments.disposition(document.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Referrer-Policy", "no-referrer")
        .body(document.bytes());
  }

  @PostMapping("/sign")
  @Operation(
      summary =
          "Sign: typed name and consent (verified session); 409 before the signer's turn or when signed"
              + " already")
  SigningCeremony.SignerPage sign(
      @PathVariable String token,
      @RequestBody @Valid SignRequest body,
      HttpServletRequest request) {
    return ceremony.sign(
        token,
        session(token, request),
        body.typedName(),
        body.consent(),
        request.getRemoteAddr(),
        request.getHeader(HttpHeaders.USER_AGENT));
  }

  @PostMapping("/decline")
  @Operation(
      summary =
          "Decline with a reason (verified session): the request closes and every other signer's link"
              + " stops working")
  SigningCeremony.SignerPage decline(
      @PathVariable String token,
      @RequestBody @Valid DeclineRequest body,
      HttpServletRequest request) {
    return ceremony.decline(token, session(token, request), body.reason());
  }

  /** The verified session of this request: the header, else this link's cookie. */
  static String session(String token, HttpServletRequest request) {
    String header = request.getHeader(SignerVerification.SESSION_HEADER);
    if (header != null && !header.isBlank()) {
      return header.strip();
    }
    if (request.getCookies() != null && SigningTokens.wellFormed(token)) {
      String name = SignerVerification.cookieName(token);
      for (Cookie cookie : request.getCookies()) {
        if (cookie.getName().equals(name)) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  /**
   * The cookie that keeps a browser's verified session for this link (HttpOnly, SameSite=Lax,
   * Secure on HTTPS).
   */
  static ResponseCookie sessionCookie(
      String token, SignerVerification.Session session, HttpServletRequest request) {
    return ResponseCookie.from(SignerVerification.cookieName(token), session.secret())
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Lax")
        .path(request.getContextPath() + "/")
        .maxAge(Duration.between(session.verifiedAt(), session.expiresAt()))
        .build();
  }
}
