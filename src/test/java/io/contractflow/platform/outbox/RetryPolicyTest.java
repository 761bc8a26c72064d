package io.contractflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void theWaitDoublesPerFailureUpToTheMaximum() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(30), 12);
    assertThat(policy.retryAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.retryAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.retryAfter(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.retryAfter(9)).isEqualTo(Duration.ofSeconds(1280));
    assertThat(policy.retryAfter(10)).isEqualTo(Duration.ofMinutes(30));
    assertThat(policy.retryAfter(11)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void anEntryIsGivenUpAfterTheLastAttempt() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 3);
    assertThat(policy.givesUp()).isTrue();
    assertThat(policy.retryAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.retryAfter(3)).isNull();
    assertThat(policy.retryAfter(4)).isNull();
  }

  @Test
  void withoutAMaximumOfAttemptsItRetriesForEver() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0);
    assertThat(policy.givesUp()).isFalse();
    assertThat(policy.retryAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.retryAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.retryAfter(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(policy.retryAfter(7)).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.retryAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aPolicyThatMakesNoSenseIsRefused() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
