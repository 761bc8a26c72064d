package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class ModelledDurationTest {

  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void theSettingOverridesTheModel() {
    when(execution.getVariableLocal("leadTime")).thenReturn("P10D");
    assertThat(ModelledDuration.of(execution, Duration.ofDays(5), "leadTime", Duration.ofDays(1)))
        .isEqualTo(Duration.ofDays(5));
  }

  @Test
  void theModelDecidesWithoutASetting() {
    when(execution.getVariableLocal("leadTime")).thenReturn(" P10D ");
    assertThat(ModelledDuration.of(execution, null, "leadTime", Duration.ofDays(1)))
        .isEqualTo(Duration.ofDays(10));
  }

  @Test
  void theDefaultWhenNeitherSays() {
    assertThat(ModelledDuration.of(execution, null, "leadTime", Duration.ofDays(1)))
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  void aModelledValueThatIsNoDurationIsAnError() {
    when(execution.getVariableLocal("leadTime")).thenReturn("thirty days");
    assertThatThrownBy(() -> ModelledDuration.of(execution, null, "leadTime", Duration.ofDays(1)))
        .hasMessageContaining("leadTime is no ISO 8601 duration");
  }
}
