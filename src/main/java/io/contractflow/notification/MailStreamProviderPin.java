package io.contractflow.notification;

/**
 * Names Jakarta Mail's stream provider in a system property, so the mail API finds it by name.
 *
 * <p>Jakarta Mail 2.1 looks its {@code StreamProvider} up again for every message, multipart and
 * encoded header (jakartaee/mail-api#699, #861; cached only from 2.2, not released yet): with no
 * system property it runs a {@code ServiceLoader} over the whole class path each time, which was a
 * quarter of the CPU of a whole contract lifecycle in the profile of the lifecycle benchmark (the
 * outbox's messages and the test mailbox). With the property it loads one known class by name. An
 * operator's own setting of the property is kept.
 */
final class MailStreamProviderPin {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailStreamProviderPin() {}

  static void pin() {
    if (System.getProperty(PROPERTY) == null && present(ANGUS_PROVIDER)) {
      System.setProperty(PROPERTY, ANGUS_PROVIDER);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, MailStreamProviderPin.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
