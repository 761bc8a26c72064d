package io.contractflow.notification;

import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
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
    MimeMessage message =
        new FixedIdMimeMessage(sender.createMimeMessage(), "<" + mailId + "@contractflow>");
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, html);
    sender.send(message);
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
