package io.contractflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailStreamProviderPinTest {

  private final String before = System.getProperty(MailStreamProviderPin.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(MailStreamProviderPin.PROPERTY);
    } else {
      System.setProperty(MailStreamProviderPin.PROPERTY, before);
    }
  }

  @Test
  void namesAngusProviderSoTheMailApiLoadsItByName() {
    System.clearProperty(MailStreamProviderPin.PROPERTY);

    MailStreamProviderPin.pin();

    assertThat(System.getProperty(MailStreamProviderPin.PROPERTY))
        .isEqualTo(MailStreamProviderPin.ANGUS_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName())
        .isEqualTo(MailStreamProviderPin.ANGUS_PROVIDER);
  }

  @Test
  void keepsAnOperatorsOwnSetting() {
    System.setProperty(MailStreamProviderPin.PROPERTY, "com.example.OwnProvider");

    MailStreamProviderPin.pin();

    assertThat(System.getProperty(MailStreamProviderPin.PROPERTY))
        .isEqualTo("com.example.OwnProvider");
  }
}
