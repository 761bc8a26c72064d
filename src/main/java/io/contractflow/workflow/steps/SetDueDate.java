package io.contractflow.workflow.steps;

import io.contractflow.workflow.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "Set due date" (template {@value #TEMPLATE}, on a user task): the task is due {@code dueIn} after
 * it starts (an ISO 8601 duration, {@code P3D}, {@code PT4H}, {@code P1DT12H}), or at a date
 * ({@code 2027-03-31}, midnight UTC, or a date-time with offset), or at what an expression gives (a
 * {@link Date}, or one of these texts). A start listener of the task: it puts the instant in the
 * task's local variable {@value #DUE_DATE}, which the template's {@code camunda:dueDate="${...}"}
 * gives the task when the engine creates it. Moves with the engine's clock.
 */
@Component("setDueDate")
class SetDueDate implements ExecutionListener, TemplatedStep {

  static final String TEMPLATE = "io.contractflow.SetDueDate";
  static final String DUE_IN = "dueIn";
  static final String DUE_DATE = "stepDueDate";

  @Override
  public void notify(DelegateExecution execution) {
    Object value = execution.getVariableLocal(DUE_IN);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("The step's input parameter 'dueIn' is empty");
    }
    Date due = value instanceof Date date ? date : Date.from(due(value.toString().trim()));
    execution.setVariableLocal(DUE_DATE, due);
  }

  /** The instant a text names: now plus a duration, a date, or a date-time. */
  static Instant due(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.startsWith("P")) {
      // P3D, P1M, PT4H, P1DT12H: a period of days or months, and a duration of hours and less
      int time = upper.indexOf('T');
      Period period =
          time == 1 ? Period.ZERO : Period.parse(time < 0 ? upper : upper.substring(0, time));
      Duration duration = time < 0 ? Duration.ZERO : Duration.parse("P" + upper.substring(time));
      return EngineClock.now().atOffset(ZoneOffset.UTC).plus(period).plus(duration).toInstant();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notADateTime) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new IllegalStateException(
            "dueIn '"
                + text
                + "' is no ISO 8601 duration (P3D, PT4H), date (2027-03-31) or date-time"
                + " (2027-03-31T17:00:00Z)",
            notADate);
      }
    }
  }

  @Override
  public String templateId() {
    return TEMPLATE;
  }

  @Override
  public List<String> check(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    String dueIn = values.get(DUE_IN);
    if (dueIn != null && !StepInputs.isExpression(dueIn)) {
      try {
        due(dueIn.trim());
      } catch (RuntimeException bad) {
        problems.add(
            "dueIn '"
                + dueIn
                + "' is no ISO 8601 duration (P3D, PT4H), date (2027-03-31) or date-time"
                + " (2027-03-31T17:00:00Z)");
      }
    }
    return problems;
  }
}
