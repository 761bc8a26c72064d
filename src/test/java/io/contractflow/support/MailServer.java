package io.contractflow.support;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free loopback port, started once and kept on
 * that port for the JVM's life, so it can be stopped and started again (an outage) while the
 * platform keeps pointing at it. {@link Settings} points the platform's mail at it, delivered by
 * SMTP and retried quickly.
 */
public final class MailServer {

  private static MailServer shared;

  private final int port;
  private GreenMail greenMail;

  private MailServer(int port) {
    this.port = port;
  }

  public static synchronized MailServer shared() {
    if (shared == null) {
      shared = new MailServer(freePort());
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "greenmail-shutdown"));
    }
    return shared;
  }

  public int port() {
    return port;
  }

  public synchronized void start() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
  }

  /**
   * Stops the server: connections are refused until {@link #start()}; what it had received is gone.
   */
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  /** Every message received since the server (last) started. */
  public synchronized List<MimeMessage> received() {
    return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
  }

  /**
   * The messages received for one address, in the order they arrived: read from that address's own
   * mailbox on the server (GreenMail keeps one per recipient), so that waiting for one person's
   * mail costs the same however much mail everyone else has received.
   */
  public synchronized List<MimeMessage> receivedBy(String address) {
    if (greenMail == null) {
      return List.of();
    }
    GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
    if (user == null) {
      user = greenMail.getUserManager().getUserByEmail(address.toLowerCase(Locale.ROOT));
    }
    if (user == null) {
      return List.of();
    }
    try {
      return greenMail
          .getManagers()
          .getImapHostManager()
          .getInbox(user)
          .getNonDeletedMessages()
          .stream()
          .map(StoredMessage::getMimeMessage)
          .filter(m -> addressedTo(m, address))
          .toList();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean addressedTo(MimeMessage message, String address) {
    try {
      return java.util.Arrays.stream(message.getAllRecipients())
          .anyMatch(r -> r.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The platform's mail settings for tests: SMTP to this server, a short poll and quick retries.
   */
  /** The body part of this type in a multipart/alternative (possibly nested in multipart/mixed). */
  public static String part(MimeMessage message, String type) {
    try {
      List<BodyPart> parts = new ArrayList<>();
      collect((Multipart) message.getContent(), parts);
      for (BodyPart part : parts) {
        if (part.isMimeType(type)) {
          return part.getContent().toString();
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable mail", e);
    }
    throw new AssertionError("no " + type + " part");
  }

  private static void collect(Multipart multipart, List<BodyPart> into)
      throws MessagingException, IOException {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        collect(nested, into);
      } else {
        into.add(part);
      }
    }
  }

  public static final class Settings
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test-mail-server",
                  Map.of(
                      "spring.mail.host", "127.0.0.1",
                      "spring.mail.port", Integer.toString(shared().port()),
                      "contractflow.notifications.delivery", "smtp",
                      "contractflow.notifications.first-retry", "300ms",
                      "contractflow.notifications.max-retry-delay", "1s",
                      "contractflow.notifications.base-url", "https://contracts.example.com")));
    }
  }
}
