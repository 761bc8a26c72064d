package io.contractflow.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.security.SecurityProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class CheckedPasswordsTest {

  private static final List<GrantedAuthority> REQUESTER =
      List.of(new SimpleGrantedAuthority("ROLE_REQUESTER"));

  @Test
  void recallsOnlyExactlyTheUserAndPasswordThatWereAccepted() {
    CheckedPasswords checked =
        new CheckedPasswords(new SecurityProperties.BasicAuth(Duration.ofSeconds(30), 100));
    checked.remember("rita", "right", REQUESTER);

    assertThat(checked.recall("rita", "right")).contains(REQUESTER);
    assertThat(checked.recall("rita", "wrong")).isEmpty();
    assertThat(checked.recall("rita", "right ")).isEmpty();
    assertThat(checked.recall("ravi", "right")).isEmpty();
    assertThat(checked.recall("rit", "aright"))
        .as("no ambiguity between user and password")
        .isEmpty();
  }

  @Test
  void zeroTrustTimeRemembersNothing() {
    CheckedPasswords checked =
        new CheckedPasswords(new SecurityProperties.BasicAuth(Duration.ZERO, 100));
    checked.remember("rita", "right", REQUESTER);

    assertThat(checked.recall("rita", "right")).isEmpty();
  }

  @Test
  void forgetsAfterTheTrustTime() throws InterruptedException {
    CheckedPasswords checked =
        new CheckedPasswords(new SecurityProperties.BasicAuth(Duration.ofMillis(50), 100));
    checked.remember("rita", "right", REQUESTER);
    Thread.sleep(150);

    assertThat(checked.recall("rita", "right")).isEmpty();
  }

  @Test
  void anIdentityChangeReportedByTheEngineForgetsEveryRememberedCheck() {
    CheckedPasswords checked =
        new CheckedPasswords(new SecurityProperties.BasicAuth(Duration.ofSeconds(30), 100));
    checked.remember("rita", "right", REQUESTER);
    checked.remember("ravi", "other", REQUESTER);

    checked.forgetAll();

    assertThat(checked.recall("rita", "right")).isEmpty();
    assertThat(checked.recall("ravi", "other")).isEmpty();
  }
}
