package io.contractflow.workflow.steps;

import io.contractflow.contract.ContractTransitions;
import io.contractflow.obligation.Obligation;
import io.contractflow.obligation.ObligationKind;
import io.contractflow.obligation.ObligationRequest;
import io.contractflow.obligation.Obligations;
import io.contractflow.obligation.OwedBy;
import io.contractflow.obligation.OwnerType;
import io.contractflow.obligation.Schedule;
import io.contractflow.platform.error.DomainException;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.EngineClock;
import io.contractflow.workflow.ProcessVariables;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Create obligation" (template {@value #TEMPLATE}): adds an obligation to the contract of the
 * process's business key, as configured by the step's input parameters: {@code kind}, {@code
 * title}, {@code owedBy}, the owner ({@code ownerType} CONTRACT_OWNER, USER or GROUP with {@code
 * ownerId}), {@code schedule} (ONE_OFF, MONTHLY, QUARTERLY, YEARLY), {@code firstDue} (an ISO 8601
 * period from today, P30D, or a date), {@code until} (optional), and for a payment {@code amount}
 * and {@code currency} (the contract's currency when empty). The obligation's instalments run as
 * their own processes, as for one a person adds; it is in the contract's trail ({@code
 * OBLIGATION_ADDED}, by "system"). Values are checked when the model is deployed; one an expression
 * gives is checked when the step runs, and a bad one fails the step with a message naming the
 * parameter (retries, then an incident) rather than create a wrong obligation.
 */
@Component("createObligation")
class CreateObligation implements JavaDelegate, TemplatedStep {

  static final String TEMPLATE = "io.contractflow.CreateObligation";
  static final String KIND = "kind";
  static final String TITLE = "title";
  static final String OWED_BY = "owedBy";
  static final String OWNER_TYPE = "ownerType";
  static final String OWNER_ID = "ownerId";
  static final String SCHEDULE = "schedule";
  static final String FIRST_DUE = "firstDue";
  static final String UNTIL = "until";
  static final String AMOUNT = "amount";
  static final String CURRENCY = "currency";
  static final String CONTRACT_OWNER = "CONTRACT_OWNER";

  /** The obligation's id, for later steps of the process. */
  static final String CREATED = "createdObligationId";

  private static final int MAX_TITLE = 200;
  private static final Pattern IDS = Pattern.compile("[A-Za-z0-9@._-]{1,64}");
  private static final Pattern AMOUNTS = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");
  private static final List<Schedule> SCHEDULES =
      List.of(Schedule.ONE_OFF, Schedule.MONTHLY, Schedule.QUARTERLY, Schedule.YEARLY);

  private final Obligations obligations;
  private final ContractTransitions contracts;

  CreateObligation(Obligations obligations, ContractTransitions contracts) {
    this.obligations = obligations;
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID contractId = ProcessVariables.contractId(execution);
    Map<String, String> values = values(execution);
    List<String> problems = check(values);
    require(values, KIND, problems);
    require(values, TITLE, problems);
    require(values, OWED_BY, problems);
    require(values, SCHEDULE, problems);
    require(values, FIRST_DUE, problems);
    if (!problems.isEmpty()) {
      throw refused(execution, problems);
    }
    ObligationKind kind = ObligationKind.valueOf(values.get(KIND));
    String ownerType = values.getOrDefault(OWNER_TYPE, CONTRACT_OWNER);
    ObligationRequest.Owner owner =
        CONTRACT_OWNER.equals(ownerType)
            ? new ObligationRequest.Owner(OwnerType.USER, contracts.current(contractId).owner())
            : new ObligationRequest.Owner(OwnerType.valueOf(ownerType), values.get(OWNER_ID));
    LocalDate today = LocalDate.ofInstant(EngineClock.now(), ZoneOffset.UTC);
    ObligationRequest.Amount amount = null;
    if (values.containsKey(AMOUNT)) {
      String currency = values.get(CURRENCY);
      if (currency == null) {
        currency = contracts.current(contractId).value().currency();
      }
      amount =
          new ObligationRequest.Amount(
              new BigDecimal(values.get(AMOUNT)), currency.toUpperCase(Locale.ROOT));
    }
    ObligationRequest request =
        new ObligationRequest(
            kind,
            values.get(TITLE),
            owner,
            null,
            OwedBy.valueOf(values.get(OWED_BY)),
            Schedule.valueOf(values.get(SCHEDULE)),
            date(values.get(FIRST_DUE), today),
            values.containsKey(UNTIL) ? date(values.get(UNTIL), today) : null,
            null,
            amount);
    Obligation created;
    try {
      created = obligations.addByProcess(contractId, request, Actors.SYSTEM);
    } catch (DomainException refused) {
      throw refused(
          execution,
          List.of(
              refused.getMessage()
                  + (refused.errors().isEmpty()
                      ? ""
                      : ": "
                          + refused.errors().stream()
                              .map(e -> e.field() + " " + e.message())
                              .collect(Collectors.joining("; ")))));
    }
    execution.setVariable(CREATED, created.id().toString());
  }

  /** The step's parameters as text; a date an expression gave as a date becomes ISO. */
  private static Map<String, String> values(DelegateExecution execution) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (String name :
        List.of(
            KIND,
            TITLE,
            OWED_BY,
            OWNER_TYPE,
            OWNER_ID,
            SCHEDULE,
            FIRST_DUE,
            UNTIL,
            AMOUNT,
            CURRENCY)) {
      Object raw = execution.getVariableLocal(name);
      if (raw instanceof Date date) {
        values.put(name, LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString());
      } else {
        String value = StepInputs.optional(execution, name);
        if (value != null) {
          values.put(name, value);
        }
      }
    }
    return values;
  }

  private static void require(Map<String, String> values, String name, List<String> problems) {
    if (!values.containsKey(name)) {
      problems.add(name + " is empty");
    }
  }

  private static IllegalStateException refused(DelegateExecution execution, List<String> problems) {
    String step =
        execution.getCurrentActivityName() == null
            ? execution.getCurrentActivityId()
            : execution.getCurrentActivityName();
    return new IllegalStateException(
        "Create obligation \"" + step + "\": " + String.join("; ", problems));
  }

  /** An ISO 8601 period from today (P30D, P1M) or a date (2027-03-31). */
  static LocalDate date(String value, LocalDate today) {
    if (value.startsWith("P") || value.startsWith("p")) {
      return today.plus(Period.parse(value.toUpperCase(Locale.ROOT)));
    }
    return LocalDate.parse(value);
  }

  @Override
  public String templateId() {
    return TEMPLATE;
  }

  @Override
  public List<String> check(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    oneOf(values, KIND, Arrays.stream(ObligationKind.values()).map(Enum::name).toList(), problems);
    oneOf(values, OWED_BY, Arrays.stream(OwedBy.values()).map(Enum::name).toList(), problems);
    oneOf(values, OWNER_TYPE, List.of(CONTRACT_OWNER, "USER", "GROUP"), problems);
    oneOf(values, SCHEDULE, SCHEDULES.stream().map(Enum::name).toList(), problems);
    String title = values.get(TITLE);
    if (title != null && title.length() > MAX_TITLE) {
      problems.add("title is longer than " + MAX_TITLE + " characters");
    }
    String ownerType = values.get(OWNER_TYPE);
    String ownerId = values.get(OWNER_ID);
    if (("USER".equals(ownerType) || "GROUP".equals(ownerType))
        && ownerId == null
        && !StepInputs.isExpression(ownerType)) {
      problems.add("ownerId is empty: a " + ownerType + " owner needs its id");
    }
    if (ownerId != null && !StepInputs.isExpression(ownerId) && !IDS.matcher(ownerId).matches()) {
      problems.add("ownerId '" + ownerId + "' is no user or group id");
    }
    for (String name : List.of(FIRST_DUE, UNTIL)) {
      String value = values.get(name);
      if (value != null && !StepInputs.isExpression(value)) {
        try {
          date(value, LocalDate.EPOCH);
        } catch (DateTimeException | ArithmeticException bad) {
          problems.add(
              name
                  + " '"
                  + value
                  + "' is neither an ISO 8601 period (P30D) nor a date (2027-03-31)");
        }
      }
    }
    String amount = values.get(AMOUNT);
    if (amount != null
        && !StepInputs.isExpression(amount)
        && (!AMOUNTS.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0)) {
      problems.add("amount '" + amount + "' is no positive amount with up to 2 decimals (1250.00)");
    }
    if ("PAYMENT".equals(values.get(KIND)) && amount == null) {
      problems.add("amount is empty: a payment needs its amount");
    }
    String currency = values.get(CURRENCY);
    if (currency != null && !StepInputs.isExpression(currency) && !isCurrency(currency)) {
      problems.add("currency '" + currency + "' is no ISO 4217 code (EUR, USD)");
    }
    return problems;
  }

  private static boolean isCurrency(String code) {
    try {
      return code.length() == 3
          && Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode() != null;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private static void oneOf(
      Map<String, String> values, String name, List<String> allowed, List<String> problems) {
    String value = values.get(name);
    if (value != null && !StepInputs.isExpression(value) && !allowed.contains(value)) {
      problems.add(name + " '" + value + "' is not one of " + allowed);
    }
  }
}
