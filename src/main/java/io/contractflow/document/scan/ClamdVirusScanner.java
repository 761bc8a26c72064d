package io.contractflow.document.scan;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scans with ClamAV's clamd over TCP, using the INSTREAM command (see clamd(8)). Anything other
 * than a clear {@code OK} or {@code FOUND} — refused connection, timeout, clamd's own {@code ERROR}
 * such as an exceeded {@code StreamMaxLength} — raises {@link VirusScanUnavailableException}: the
 * scan fails closed.
 *
 * <p>{@code timeout} bounds the connect, and then the whole exchange (sending the content and
 * getting the verdict), so a stalled clamd cannot hold an upload thread for longer than about twice
 * the timeout.
 *
 * <p>Thread-safe; every scan opens its own connection (clamd serves one command per connection
 * here).
 */
public class ClamdVirusScanner implements VirusScanner, AutoCloseable {

  // The "z" prefix makes clamd read and write NUL-terminated messages, so no newline escaping
  // worries.
  private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PING = "zPING\0".getBytes(StandardCharsets.US_ASCII);
  private static final String STREAM_PREFIX = "stream: ";
  private static final String FOUND_SUFFIX = " FOUND";
  // clamd's replies are one short line; a longer one means we are not talking to clamd.
  private static final int MAX_REPLY_BYTES = 1024;

  private final VirusScanProperties properties;
  private final int timeoutMillis;
  // SO_TIMEOUT only bounds reads. A peer that stops reading would block our writes forever once the
  // socket
  // buffers are full, so a watchdog closes the socket when a scan outlives its timeout.
  private final ScheduledExecutorService watchdog;

  public ClamdVirusScanner(VirusScanProperties properties) {
    if (properties.chunkSize() <= 0) {
      throw new IllegalArgumentException(
          "contractflow.documents.virus-scan.chunk-size must be positive");
    }
    this.properties = properties;
    this.timeoutMillis = Math.toIntExact(Math.max(1, properties.timeout().toMillis()));
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "clamd-scan-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    // Nearly every scan finishes in time; drop its cancelled close task at once instead of keeping
    // it queued.
    executor.setRemoveOnCancelPolicy(true);
    this.watchdog = executor;
  }

  @Override
  public ScanResult scan(byte[] content) {
    try (Socket socket = connect()) {
      // Set before the watchdog closes the socket, so a failure it causes is always reported as the
      // timeout.
      AtomicBoolean expired = new AtomicBoolean();
      ScheduledFuture<?> deadline =
          watchdog.schedule(
              () -> {
                expired.set(true);
                closeQuietly(socket);
              },
              timeoutMillis,
              TimeUnit.MILLISECONDS);
      try {
        sendInstream(socket, content);
        return verdict(readReply(socket));
      } catch (IOException e) {
        if (e instanceof SocketTimeoutException || expired.get()) {
          throw unavailable(
              "clamd did not finish the scan within " + properties.timeout().toMillis() + " ms", e);
        }
        throw unavailable("connection failed during the scan (" + e + ")", e);
      } finally {
        deadline.cancel(false);
      }
    } catch (IOException e) {
      throw unavailable("cannot connect (" + e + ")", e);
    }
  }

  /**
   * @return whether clamd answers PING with PONG within the timeout; never throws
   */
  public boolean ping() {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(PING);
      socket.getOutputStream().flush();
      return "PONG".equals(readReply(socket));
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the watchdog thread; Spring calls it when the context closes. */
  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.setSoTimeout(timeoutMillis);
      socket.connect(new InetSocketAddress(properties.host(), properties.port()), timeoutMillis);
      return socket;
    } catch (IOException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private void sendInstream(Socket socket, byte[] content) throws IOException {
    DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(
                socket.getOutputStream(), properties.chunkSize() + Integer.BYTES));
    out.write(INSTREAM);
    for (int offset = 0; offset < content.length; offset += properties.chunkSize()) {
      int length = Math.min(properties.chunkSize(), content.length - offset);
      out.writeInt(length); // DataOutputStream writes big-endian, as clamd expects
      out.write(content, offset, length);
    }
    out.writeInt(0); // a zero-length chunk ends the stream
    out.flush();
  }

  /**
   * Reads one NUL-terminated reply; an early end of stream yields what arrived (possibly nothing).
   */
  private static String readReply(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    for (int b = in.read(); b > 0; b = in.read()) {
      if (reply.size() == MAX_REPLY_BYTES) {
        throw new IOException("reply longer than " + MAX_REPLY_BYTES + " bytes; is this clamd?");
      }
      reply.write(b);
    }
    return reply.toString(StandardCharsets.US_ASCII).trim();
  }

  private ScanResult verdict(String reply) {
    if (reply.equals(STREAM_PREFIX + "OK")) {
      return ScanResult.cleanResult();
    }
    if (reply.startsWith(STREAM_PREFIX) && reply.endsWith(FOUND_SUFFIX)) {
      String signature =
          reply.substring(STREAM_PREFIX.length(), reply.length() - FOUND_SUFFIX.length()).trim();
      if (!signature.isEmpty()) {
        return ScanResult.infected(signature);
      }
    }
    // e.g. "INSTREAM size limit exceeded. ERROR" (upload larger than clamd's StreamMaxLength), or
    // nothing at all
    throw unavailable(
        reply.isEmpty()
            ? "clamd closed the connection without a verdict"
            : "clamd gave no verdict: " + reply,
        null);
  }

  private VirusScanUnavailableException unavailable(String message, Throwable cause) {
    return new VirusScanUnavailableException(
        "Virus scan unavailable (clamd "
            + properties.host()
            + ":"
            + properties.port()
            + "): "
            + message,
        cause);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing only to unblock or release; nothing left to do
    }
  }
}
