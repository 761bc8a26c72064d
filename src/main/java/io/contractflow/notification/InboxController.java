package io.contractflow.notification;

import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own mail, as sent or kept in the platform's inbox: the notifications without a mail
 * server.
 */
@RestController
@Tag(name = "Notifications")
class InboxController {

  private static final int LATEST = 100;

  private final Mails mails;
  private final CurrentUserProvider currentUser;

  InboxController(Mails mails, CurrentUserProvider currentUser) {
    this.mails = mails;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/notifications/mail")
  @Operation(
      summary =
          "The latest 100 mails to the caller, newest first (subject, text and HTML, when sent)")
  List<Mails.InboxMail> mine() {
    return mails.inbox(currentUser.get().username(), LATEST);
  }
}
