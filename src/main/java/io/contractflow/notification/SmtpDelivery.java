package io.contractflow.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends through the SMTP server of {@code spring.mail.*} (host, port, credentials, STARTTLS and
 * timeouts there): a multipart/alternative message, plain text and HTML, with a Message-ID derived
 * from the mail's id.
 */
final class SmtpDelivery implements MailDelivery {

  private final JavaMailSender sender;
  private final MailProperties properties;

  SmtpDelivery(JavaMailSender sender, MailProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void deliver(UUID mailId, String to, String subject, String text, String html)
      throws Exception {
    sender.send(message(mailId, to, subject, text, html));
  }

  /**
   * All of them over one connection to the server: opening and closing a connection per mail cost
   * more than the mail itself (a mass expiry or a busy day sends thousands). A mail the server
   * refuses does not stop the others; a lost connection is opened again for the rest.
   */
  @Override
  public Map<UUID, String> deliverAll(List<Mails.Pending> mails) {
    Map<UUID, String> refused = new LinkedHashMap<>();
    Map<MimeMessage, UUID> ids = new IdentityHashMap<>();
    List<MimeMessage> messages = new ArrayList<>();
    for (Mails.Pending m : mails) {
      try {
        MimeMessage message =
            message(m.id(), m.recipientEmail(), m.subject(), m.textBody(), m.htmlBody());
        ids.put(message, m.id());
        messages.add(message);
      } catch (MessagingException | RuntimeException e) {
        refused.put(m.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (messages.isEmpty()) {
      return refused;
    }
    try {
      sender.send(messages.toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      if (e.getFailedMessages().isEmpty()) {
        messages.forEach(m -> refused.put(ids.get(m), describe(e)));
      }
      e.getFailedMessages()
          .forEach(
              (message, failure) -> {
                UUID id = message instanceof MimeMessage mime ? ids.get(mime) : null;
                if (id != null) {
                  refused.put(id, describe(failure));
                }
              });
    } catch (MailException e) {
      messages.forEach(m -> refused.put(ids.get(m), describe(e)));
    }
    return refused;
  }

  private MimeMessage message(UUID mailId, String to, String subject, String text, String html)
      throws MessagingException {
    MimeMessage message =
        new FixedIdMimeMessage(sender.createMimeMessage(), "<" + mailId + "@contractflow>");
    MimeMessageHelper helper = new SharedTypesHelper(message);
    helper.setFrom(properties.from());
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, html);
    return message;
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /**
   * A multipart helper that shares one map of file types: the stock helper builds a new one for
   * every message that is not the sender's own kind (ours keeps its Message-ID), reading the
   * classpath's mime.types files each time, a cost a profile of mass mail showed.
   */
  private static final class SharedTypesHelper extends MimeMessageHelper {
    private static final FileTypeMap TYPES = defaultTypes();

    SharedTypesHelper(MimeMessage message) throws MessagingException {
      super(message, true, "UTF-8");
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
      return TYPES;
    }

    private static FileTypeMap defaultTypes() {
      ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
      types.afterPropertiesSet();
      return types;
    }
  }

  /**
   * A message that keeps the Message-ID it was given (JavaMail would otherwise make a new one on
   * every save).
   */
  private static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(MimeMessage template, String messageId) {
      super(template.getSession());
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws jakarta.mail.MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
