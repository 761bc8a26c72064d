package io.contractflow.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The signer's HTML page: the contract, the document to download, the other signers, and the forms
 * to sign (typed name and consent) or decline. No script at all; the one inline style block is
 * allowed by its hash in a strict Content-Security-Policy, and every value is HTML-escaped.
 */
final class SigningPage {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f4;color:#1c1917}"
          + "main{max-width:44rem;margin:2rem auto;padding:2rem;background:#fff;border-radius:8px}"
          + "h1{font-size:1.5rem;margin:0 0 .25rem}.ref{color:#57534e;margin:0 0 1.5rem}"
          + "dt{font-weight:600;margin-top:.5rem}dd{margin:0}"
          + "form{margin-top:1.5rem;padding:1rem;border:1px solid #d6d3d1;border-radius:6px}"
          + "label{display:block;margin:.5rem 0}input[type=text],textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}"
          + "button{margin-top:.5rem;padding:.5rem 1rem;font:inherit;cursor:pointer}"
          + ".note{padding:.75rem 1rem;border-radius:6px;background:#e7e5e4}.error{background:#fee2e2}.done{background:#dcfce7}"
          + "code{word-break:break-all}";

  /**
   * The page's Content-Security-Policy: nothing but this page's own style, forms posting back here.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src '"
          + styleHash()
          + "'; "
          + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private SigningPage() {}

  /**
   * The page for a signer; {@code message} (may be null) is shown on top, as an error if {@code
   * error}.
   */
  static String render(
      String contextPath,
      String token,
      SigningCeremony.SignerPage page,
      String message,
      boolean error) {
    String base = contextPath + "/sign/" + token;
    StringBuilder html = new StringBuilder(4096);
    head(html, "Sign " + page.contractReference() + ": " + page.contractTitle());
    html.append("<h1>")
        .append(esc(page.contractTitle()))
        .append("</h1>")
        .append("<p class=\"ref\">Contract ")
        .append(esc(page.contractReference()))
        .append("</p>");
    if (message != null) {
      html.append("<p class=\"note ")
          .append(error ? "error" : "done")
          .append("\" role=\"status\">")
          .append(esc(message))
          .append("</p>");
    }
    html.append("<dl>")
        .append("<dt>You sign as</dt><dd>")
        .append(esc(page.signerName()))
        .append(" &lt;")
        .append(esc(page.signerEmail()))
        .append("&gt;</dd>")
        .append("<dt>Document</dt><dd>");
    if (page.addressVerified()) {
      html.append("<a href=\"")
          .append(esc(contextPath + "/api/signing/" + token + "/document"))
          .append("\" rel=\"noreferrer\">")
          .append(esc(page.documentFileName()))
          .append("</a>");
    } else {
      html.append(esc(page.documentFileName()));
    }
    html.append(" (SHA-256 <code>")
        .append(esc(page.documentSha256()))
        .append("</code>)</dd>")
        .append("<dt>Signing</dt><dd>")
        .append(page.mode() == SigningMode.SEQUENTIAL ? "one after another" : "in any order")
        .append(", open until ")
        .append(esc(CompletionCertificate.UTC_TIME.format(page.expiresAt())))
        .append("</dd>")
        .append("</dl>");
    html.append("<h2>Signers</h2><ol>");
    for (SigningCeremony.Participant p : page.signers()) {
      html.append("<li>").append(esc(p.name()));
      if (page.mode() == SigningMode.SEQUENTIAL) {
        html.append(" (step ").append(p.order()).append(')');
      }
      html.append(": ").append(esc(p.status().name().toLowerCase())).append("</li>");
    }
    html.append("</ol>");
    switch (page.signerStatus()) {
      case SIGNED ->
          html.append("<p class=\"note done\">You signed on ")
              .append(esc(CompletionCertificate.UTC_TIME.format(page.signedAt())))
              .append(" as &ldquo;")
              .append(esc(page.typedName()))
              .append("&rdquo;.")
              .append(
                  page.requestStatus() == SigningStatus.COMPLETED ? " Everyone has signed." : "")
              .append("</p>");
      case DECLINED -> html.append("<p class=\"note\">You declined to sign.</p>");
      case PENDING -> {
        if (!page.addressVerified()) {
          verification(html, base, page);
          break;
        }
        if (page.yourTurn()) {
          html.append("<form method=\"post\" action=\"")
              .append(esc(base + "/sign"))
              .append("\">")
              .append("<h2>Sign</h2>")
              .append(
                  "<label>Type your full name<input type=\"text\" name=\"typedName\" required maxlength=\"200\"")
              .append(" autocomplete=\"name\"></label>")
              .append("<label><input type=\"checkbox\" name=\"consent\" value=\"true\" required> ")
              .append(esc(page.consentText()))
              .append("</label>")
              .append("<button type=\"submit\">Sign</button></form>");
        } else {
          html.append("<p class=\"note\">It is not your turn yet: waiting for ")
              .append(esc(String.join(", ", page.waitingFor())))
              .append(" to sign first. You can read the document meanwhile.</p>");
        }
        html.append("<form method=\"post\" action=\"")
            .append(esc(base + "/decline"))
            .append("\">")
            .append("<h2>Decline</h2>")
            .append(
                "<label>Why do you decline?<textarea name=\"reason\" required maxlength=\"1000\" rows=\"3\"></textarea></label>")
            .append("<button type=\"submit\">Decline to sign</button></form>");
      }
      default -> html.append("<p class=\"note\">There is nothing left for you to do.</p>");
    }
    return foot(html);
  }

  /** Before anything else, the signer confirms their address: ask for a code, enter it. */
  private static void verification(
      StringBuilder html, String base, SigningCeremony.SignerPage page) {
    html.append("<form method=\"post\" action=\"")
        .append(esc(base + "/code"))
        .append("\">")
        .append("<h2>Confirm your e-mail address</h2>")
        .append(
            "<p>Before you can read the document, sign or decline, we e-mail a one-time code to ")
        .append(esc(page.signerEmail()))
        .append(". Enter it below.</p>")
        .append("<button type=\"submit\">E-mail me a code</button></form>")
        .append("<form method=\"post\" action=\"")
        .append(esc(base + "/verify"))
        .append("\">")
        .append(
            "<label>The code from the e-mail<input type=\"text\" name=\"code\" required maxlength=\"20\"")
        .append(" inputmode=\"numeric\" autocomplete=\"one-time-code\"></label>")
        .append("<button type=\"submit\">Confirm</button></form>");
  }

  /** A page with only a title and a message: unknown or closed links, failures. */
  static String message(String title, String message) {
    StringBuilder html = new StringBuilder(1024);
    head(html, title);
    html.append("<h1>").append(esc(title)).append("</h1><p>").append(esc(message)).append("</p>");
    return foot(html);
  }

  private static void head(StringBuilder html, String title) {
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"referrer\" content=\"no-referrer\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><main>");
  }

  private static String foot(StringBuilder html) {
    return html.append("</main></body></html>").toString();
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    return text.chars()
        .mapToObj(
            c ->
                switch (c) {
                  case '&' -> "&amp;";
                  case '<' -> "&lt;";
                  case '>' -> "&gt;";
                  case '"' -> "&quot;";
                  case '\'' -> "&#39;";
                  default -> String.valueOf((char) c);
                })
        .collect(Collectors.joining());
  }

  private static String styleHash() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
