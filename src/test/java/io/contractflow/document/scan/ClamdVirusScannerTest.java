package io.contractflow.document.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.document.scan.VirusScanner.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The INSTREAM client against a real clamd with the test signature, and against peers that
 * misbehave.
 */
// a scanner whose timeouts broke would hang: the class-wide limit turns that into a failure
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClamdVirusScannerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

  private static ClamdServer clamd;
  private ClamdVirusScanner scanner;

  /**
   * Started on first use rather than in {@code @BeforeAll}: Surefire reports an assumption that
   * fails there as "0 tests" without the reason, whereas here each test that needs clamd shows as
   * skipped, with the reason; the tests against fake peers still run.
   */
  private static ClamdServer clamd() {
    if (clamd == null) {
      clamd = ClamdServer.start();
      System.out.println(
          "clamd answered PING " + clamd.startupTime().toMillis() + " ms after it was started");
    }
    return clamd;
  }

  @AfterAll
  static void stopClamd() {
    if (clamd != null) {
      clamd.close();
    }
  }

  @AfterEach
  void closeScanner() {
    if (scanner != null) {
      scanner.close();
    }
  }

  @Test
  void cleanContentIsClean() {
    scanner = scannerFor(clamd(), TIMEOUT, 65536);

    assertThat(scanner.scan("An ordinary contract.".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ScanResult.cleanResult());
  }

  @Test
  void emptyContentIsClean() {
    scanner = scannerFor(clamd(), TIMEOUT, 65536);

    assertThat(scanner.scan(new byte[0]).clean()).isTrue();
  }

  @Test
  void contentWithTheMarkerIsInfected() {
    scanner = scannerFor(clamd(), TIMEOUT, 65536);

    ScanResult result =
        scanner.scan(
            ("%PDF-1.7 ... " + ClamdServer.MARKER + " ... %%EOF").getBytes(StandardCharsets.UTF_8));

    assertThat(result.clean()).isFalse();
    assertThat(result.signature()).startsWith(ClamdServer.SIGNATURE); // clamd appends ".UNOFFICIAL"
  }

  @Test
  void markerSplitAcrossChunksIsFoundInLargeContent() {
    byte[] content = new byte[3 * 1024 * 1024 + 5];
    Arrays.fill(content, (byte) 'a');
    byte[] marker = ClamdServer.MARKER.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(
        marker, 0, content, 2 * 65536 - 10, marker.length); // straddles the second chunk boundary
    scanner = scannerFor(clamd(), TIMEOUT, 65536);

    assertThat(scanner.scan(content).signature()).startsWith(ClamdServer.SIGNATURE);
  }

  @Test
  void tinyChunksReassembleToTheSameContent() {
    scanner = scannerFor(clamd(), TIMEOUT, 7);

    assertThat(
            scanner
                .scan(("x" + ClamdServer.MARKER + "y").getBytes(StandardCharsets.US_ASCII))
                .clean())
        .isFalse();
    assertThat(scanner.scan("clean, in tiny chunks".getBytes(StandardCharsets.US_ASCII)).clean())
        .isTrue();
  }

  @Test
  void contentLargerThanStreamMaxLengthFailsClosed() {
    scanner = scannerFor(clamd(), TIMEOUT, 65536);

    assertThatThrownBy(() -> scanner.scan(new byte[ClamdServer.STREAM_MAX_BYTES + 1024 * 1024]))
        .isInstanceOf(VirusScanUnavailableException.class);
    assertThat(scanner.ping()).as("clamd still serves after refusing the stream").isTrue();
  }

  @Test
  void stoppedClamdFailsClosedAtOnce() {
    ClamdServer stopped = ClamdServer.start();
    stopped.close();
    scanner = scannerFor(stopped, TIMEOUT, 65536);

    assertThatThrownBy(() -> scanner.scan("anything".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(VirusScanUnavailableException.class)
        .hasMessageContaining("cannot connect");
    assertThat(scanner.ping()).isFalse();
  }

  @Test
  void peerThatNeverAnswersFailsClosedAfterTheTimeout() throws IOException {
    // The kernel completes the connection in the backlog, so the client connects and writes, then
    // waits for a reply.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      scanner =
          new ClamdVirusScanner(
              new VirusScanProperties(
                  true, "127.0.0.1", silent.getLocalPort(), SHORT_TIMEOUT, 65536));

      assertThatThrownBy(() -> scanner.scan("anything".getBytes(StandardCharsets.US_ASCII)))
          .isInstanceOf(VirusScanUnavailableException.class)
          .hasMessageContaining("did not finish the scan within");
    }
  }

  @Test
  void peerThatStopsReadingFailsClosedAfterTheTimeout() throws IOException {
    // A read timeout alone would not help here: the client blocks in write once the socket buffers
    // are full.
    try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      scanner =
          new ClamdVirusScanner(
              new VirusScanProperties(
                  true, "127.0.0.1", stalled.getLocalPort(), SHORT_TIMEOUT, 65536));

      assertThatThrownBy(() -> scanner.scan(new byte[64 * 1024 * 1024]))
          .isInstanceOf(VirusScanUnavailableException.class)
          .hasMessageContaining("did not finish the scan within");
    }
  }

  @Test
  void unexpectedReplyFailsClosed() throws Exception {
    byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
    int requestLength = "zINSTREAM\0".length() + 4 + content.length + 4;
    try (ServerSocket fake = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> server =
          CompletableFuture.runAsync(
              () -> {
                try (Socket connection = fake.accept();
                    InputStream in = connection.getInputStream()) {
                  in.readNBytes(requestLength);
                  connection
                      .getOutputStream()
                      .write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      scanner =
          new ClamdVirusScanner(
              new VirusScanProperties(true, "127.0.0.1", fake.getLocalPort(), TIMEOUT, 65536));

      assertThatThrownBy(() -> scanner.scan(content))
          .isInstanceOf(VirusScanUnavailableException.class)
          .hasMessageContaining("no verdict: UNKNOWN COMMAND");
      server.get();
    }
  }

  @Test
  void pingAnswersWhenClamdIsUp() {
    scanner = scannerFor(clamd(), TIMEOUT, 65536);

    assertThat(scanner.ping()).isTrue();
  }

  private static ClamdVirusScanner scannerFor(ClamdServer server, Duration timeout, int chunkSize) {
    return new ClamdVirusScanner(server.properties(timeout, chunkSize));
  }
}
