package io.contractflow.signature;

import io.contractflow.platform.validation.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signer's API, without login: the link's token is the only credential (see {@link SigningCeremony}). The HTML
 * page {@code /sign/{token}} does the same for a person with a browser.
 */
@RestController
@RequestMapping("/api/signing/{token}")
@Tag(name = "Signing (signers)", description = "For signers, authorised by their link's token alone")
class SigningLinkController {

  private final SigningCeremony ceremony;

  SigningLinkController(SigningCeremony ceremony) {
    this.ceremony = ceremony;
  }

  /** A signature: the signer's typed name and their consent. */
  record SignRequest(@NotBlank @Size(max = 200) @PlainText String typedName, @NotNull @AssertTrue Boolean consent) {}

  /** Why the signer declines. */
  record DeclineRequest(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}

  @GetMapping
  @Operation(summary = "What the signer is to sign: the contract, their status, whose turn it is, the expiry")
  SigningCeremony.SignerPage view(@PathVariable String token) {
    return ceremony.view(token);
  }

  @GetMapping("/document")
  @Operation(summary = "The PDF to sign, as an attachment")
  ResponseEntity<byte[]> document(@PathVariable String token) {
    SigningCeremony.Document document = ceremony.document(token);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, Attachments.disposition(document.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Referrer-Policy", "no-referrer")
        .body(document.bytes());
  }

  @PostMapping("/sign")
  @Operation(summary = "Sign: typed name and consent; 409 before the signer's turn or when signed already")
  SigningCeremony.SignerPage sign(@PathVariable String token, @RequestBody @Valid SignRequest body,
      HttpServletRequest request) {
    return ceremony.sign(token, body.typedName(), body.consent(), request.getRemoteAddr(),
        request.getHeader(HttpHeaders.USER_AGENT));
  }

  @PostMapping("/decline")
  @Operation(summary = "Decline with a reason: the request closes and every other signer's link stops working")
  SigningCeremony.SignerPage decline(@PathVariable String token, @RequestBody @Valid DeclineRequest body) {
    return ceremony.decline(token, body.reason());
  }
}
