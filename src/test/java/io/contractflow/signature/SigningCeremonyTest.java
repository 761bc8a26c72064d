package io.contractflow.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.contractflow.document.DocumentService;
import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;

/**
 * The signer's actions on one request, with the persistence mocked: turns, double signing,
 * declining, expiry, and which events are published in which order.
 */
class SigningCeremonyTest {

  private static final Instant SENT = Instant.parse("2026-03-01T09:00:00Z");

  private final SigningRequestRepository requests = mock(SigningRequestRepository.class);
  private final SignerRepository signerRepository = mock(SignerRepository.class);
  private final BuiltInSignatureProvider builtIn = mock(BuiltInSignatureProvider.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

  /**
   * The one session that passes the address check (SignerVerificationIT proves the check itself).
   */
  private static final String VERIFIED = "verified-session";

  private final SignerVerification verification = mock(SignerVerification.class);
  private final UUID contractId = UUID.randomUUID();

  private SigningRequest request;
  private Signer first;
  private Signer second;
  private Map<Signer, String> tokens;

  private SigningCeremony ceremony(SigningMode mode, Instant now) {
    request =
        new SigningRequest(
            UUID.randomUUID(),
            contractId,
            "CF-2026-0001",
            "NDA",
            BuiltInSignatureProvider.NAME,
            mode,
            UUID.randomUUID(),
            "nda.pdf",
            "ab".repeat(32),
            "process",
            SENT,
            SENT.plus(Duration.ofDays(14)));
    first = new Signer(UUID.randomUUID(), request.getId(), 0, 1, "Ann", "ann@example.com");
    second = new Signer(UUID.randomUUID(), request.getId(), 1, 2, "Bob", "bob@example.com");
    tokens = Map.of(first, SigningTokens.newToken(), second, SigningTokens.newToken());
    tokens.forEach((signer, token) -> signer.issueToken(SigningTokens.hash(token), new byte[0]));
    when(signerRepository.findByTokenHash(anyString()))
        .thenAnswer(
            call ->
                tokens.entrySet().stream()
                    .filter(e -> SigningTokens.hash(e.getValue()).equals(call.getArgument(0)))
                    .findFirst()
                    .map(e -> new SignerRepository.LinkOwner(e.getKey().getId(), request.getId())));
    when(requests.lock(request.getId())).thenReturn(Optional.of(request));
    when(requests.findById(request.getId())).thenReturn(Optional.of(request));
    when(signerRepository.findByRequestIdOrderByPosition(request.getId()))
        .thenReturn(List.of(first, second));
    doAnswer(
            call -> {
              if (!VERIFIED.equals(call.getArgument(2))) {
                throw new NotPermittedException(
                    "verification-required", "confirm your address first");
              }
              return null;
            })
        .when(verification)
        .requireVerified(any(), anyString(), any());
    return new SigningCeremony(
        requests,
        signerRepository,
        builtIn,
        mock(DocumentService.class),
        events,
        verification,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private SigningCeremony ceremony(SigningMode mode) {
    return ceremony(mode, SENT.plus(Duration.ofHours(1)));
  }

  private static HttpStatus statusOf(Runnable action) {
    try {
      action.run();
    } catch (DomainException e) {
      return ApiException.from(e).status();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void sequentialSignersSignInTurnAndTheLastCompletesTheRequest() {
    SigningCeremony ceremony = ceremony(SigningMode.SEQUENTIAL);

    assertThat(
            statusOf(
                () -> ceremony.sign(tokens.get(second), VERIFIED, "Bob", true, "10.0.0.2", "UA")))
        .isEqualTo(HttpStatus.CONFLICT);
    verifyNoInteractions(events);

    SigningCeremony.SignerPage afterFirst =
        ceremony.sign(tokens.get(first), VERIFIED, "  Ann Example ", true, "10.0.0.1", "UA/1");
    assertThat(afterFirst.signerStatus()).isEqualTo(SignerStatus.SIGNED);
    assertThat(first.getTypedName()).isEqualTo("Ann Example");
    assertThat(first.getIpAddress()).isEqualTo("10.0.0.1");
    assertThat(first.getUserAgent()).isEqualTo("UA/1");
    assertThat(first.getConsentText()).isEqualTo(SigningCeremony.CONSENT_TEXT);
    assertThat(request.getStatus()).isEqualTo(SigningStatus.OPEN);
    verify(builtIn).inviteOpenTurns(request, List.of(first, second));

    ceremony.sign(tokens.get(second), VERIFIED, "Bob", true, "10.0.0.2", "UA/2");
    assertThat(request.getStatus()).isEqualTo(SigningStatus.COMPLETED);

    InOrder order = inOrder(events);
    order.verify(events).publishEvent(new SignerSigned(contractId, request.getId(), "Ann"));
    order.verify(events).publishEvent(new SignerSigned(contractId, request.getId(), "Bob"));
    order.verify(events).publishEvent(new SigningCompleted(contractId, request.getId()));
  }

  @Test
  void parallelSignersSignInAnyOrder() {
    SigningCeremony ceremony = ceremony(SigningMode.PARALLEL);

    ceremony.sign(tokens.get(second), VERIFIED, "Bob", true, "10.0.0.2", null);
    assertThat(request.getStatus()).isEqualTo(SigningStatus.OPEN);
    ceremony.sign(tokens.get(first), VERIFIED, "Ann", true, "10.0.0.1", null);

    assertThat(request.getStatus()).isEqualTo(SigningStatus.COMPLETED);
    verify(events).publishEvent(new SigningCompleted(contractId, request.getId()));
  }

  @Test
  void signingTwiceIsAConflictAndChangesNothing() {
    SigningCeremony ceremony = ceremony(SigningMode.PARALLEL);
    ceremony.sign(tokens.get(first), VERIFIED, "Ann", true, "10.0.0.1", "UA");
    Instant signedAt = first.getSignedAt();

    assertThat(
            statusOf(
                () ->
                    ceremony.sign(
                        tokens.get(first), VERIFIED, "Someone else", true, "10.9.9.9", "X")))
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(first.getTypedName()).isEqualTo("Ann");
    assertThat(first.getSignedAt()).isEqualTo(signedAt);
  }

  @Test
  void aDeclineClosesTheRequestAndEveryOtherLink() {
    SigningCeremony ceremony = ceremony(SigningMode.SEQUENTIAL);

    ceremony.decline(tokens.get(second), VERIFIED, "  Wrong counterparty name ");

    assertThat(request.getStatus()).isEqualTo(SigningStatus.DECLINED);
    assertThat(second.getStatus()).isEqualTo(SignerStatus.DECLINED);
    assertThat(second.getDeclineReason()).isEqualTo("Wrong counterparty name");
    assertThat(first.getStatus()).isEqualTo(SignerStatus.CANCELLED);
    verify(events)
        .publishEvent(
            new SigningDeclined(contractId, request.getId(), "Bob", "Wrong counterparty name"));
    assertThat(statusOf(() -> ceremony.view(tokens.get(first), null))).isEqualTo(HttpStatus.GONE);
    assertThat(statusOf(() -> ceremony.sign(tokens.get(first), VERIFIED, "Ann", true, null, null)))
        .isEqualTo(HttpStatus.GONE);
  }

  @Test
  void pastItsExpiryALinkIsGoneEvenBeforeTheProcessMarksIt() {
    SigningCeremony ceremony = ceremony(SigningMode.PARALLEL, SENT.plus(Duration.ofDays(14)));

    assertThat(statusOf(() -> ceremony.view(tokens.get(first), null))).isEqualTo(HttpStatus.GONE);
    assertThat(statusOf(() -> ceremony.sign(tokens.get(first), VERIFIED, "Ann", true, null, null)))
        .isEqualTo(HttpStatus.GONE);
    assertThat(statusOf(() -> ceremony.document(tokens.get(first), VERIFIED)))
        .isEqualTo(HttpStatus.GONE);
    verify(events, never()).publishEvent(any());
  }

  @Test
  void signingNeedsATypedNameAndConsent() {
    SigningCeremony ceremony = ceremony(SigningMode.PARALLEL);

    assertThat(statusOf(() -> ceremony.sign(tokens.get(first), VERIFIED, "Ann", false, null, null)))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(statusOf(() -> ceremony.sign(tokens.get(first), VERIFIED, "Ann", null, null, null)))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(statusOf(() -> ceremony.sign(tokens.get(first), VERIFIED, "   ", true, null, null)))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(statusOf(() -> ceremony.decline(tokens.get(first), VERIFIED, " ")))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(first.getStatus()).isEqualTo(SignerStatus.PENDING);
  }

  @Test
  void unknownAndMalformedLinksAreNotFound() {
    SigningCeremony ceremony = ceremony(SigningMode.PARALLEL);

    assertThat(statusOf(() -> ceremony.view(SigningTokens.newToken(), null)))
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(statusOf(() -> ceremony.view("../../etc/passwd", null)))
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThatThrownBy(() -> ceremony.view(null, null)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void userAgentsAreCleanedAndCutToASaneLength() {
    SigningCeremony ceremony = ceremony(SigningMode.PARALLEL);

    ceremony.sign(
        tokens.get(first),
        VERIFIED,
        "Ann",
        true,
        "10.0.0.1",
        "Evil\r\nX-Injected: 1 " + "a".repeat(2000));

    assertThat(first.getUserAgent())
        .hasSize(SigningCeremony.MAX_USER_AGENT)
        .doesNotContain("\r", "\n");
  }

  @Test
  void withoutAVerifiedSessionNothingButTheViewWorks() {
    SigningCeremony ceremony = ceremony(SigningMode.PARALLEL);

    assertThat(ceremony.view(tokens.get(first), null).addressVerified()).isFalse();
    assertThat(statusOf(() -> ceremony.sign(tokens.get(first), null, "Ann", true, null, null)))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            statusOf(
                () -> ceremony.sign(tokens.get(first), "someone-else", "Ann", true, null, null)))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(statusOf(() -> ceremony.decline(tokens.get(first), null, "No")))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(statusOf(() -> ceremony.document(tokens.get(first), null)))
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(first.getStatus()).isEqualTo(SignerStatus.PENDING);
    assertThat(request.getStatus()).isEqualTo(SigningStatus.OPEN);
    verifyNoInteractions(events);
  }
}
