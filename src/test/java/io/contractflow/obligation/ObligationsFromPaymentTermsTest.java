package io.contractflow.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.contract.ContractRequest;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractType;
import io.contractflow.platform.error.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What payment terms become: the schedule, first due date and amount of the obligation. */
class ObligationsFromPaymentTermsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  private static ContractResponse contract(LocalDate start, LocalDate end, String value) {
    return new ContractResponse(
        UUID.randomUUID(),
        "C-1",
        "Cleaning",
        null,
        ContractType.SERVICES,
        new ContractResponse.CounterpartyRef(UUID.randomUUID(), "Sparkle"),
        new ContractRequest.MoneyBody(new BigDecimal(value), "EUR"),
        start,
        end,
        null,
        "rita",
        ContractStatus.ACTIVE,
        List.of(),
        Map.of(),
        Instant.EPOCH,
        Instant.EPOCH,
        0,
        null);
  }

  private static PaymentTerms terms(String said) {
    return PaymentTerms.parse(said).orElseThrow();
  }

  @Test
  void theExtractorsFormsAreRead() {
    assertThat(PaymentTerms.parse("net 30")).contains(new PaymentTerms("net 30", 30, 0, false));
    assertThat(PaymentTerms.parse("Quarterly in advance"))
        .contains(new PaymentTerms("quarterly in advance", 0, 3, false));
    assertThat(PaymentTerms.parse("semi-annually in arrears").orElseThrow().months()).isEqualTo(6);
    assertThat(PaymentTerms.parse("annually in advance").orElseThrow().months()).isEqualTo(12);
    assertThat(PaymentTerms.parse("net 0")).isEmpty();
    assertThat(PaymentTerms.parse("on delivery")).isEmpty();
    assertThat(PaymentTerms.parse(null)).isEmpty();
  }

  @Test
  void netTermsAreOnePaymentOfTheValueThatManyDaysAfterTheStart() {
    ObligationRequest request =
        ObligationsFromPaymentTerms.proposal(
            contract(TODAY.plusDays(5), TODAY.plusYears(1), "12000"), terms("net 30"), TODAY);
    assertThat(request.kind()).isEqualTo(ObligationKind.PAYMENT);
    assertThat(request.owedBy()).isEqualTo(OwedBy.COUNTERPARTY);
    assertThat(request.owner()).isEqualTo(new ObligationRequest.Owner(OwnerType.USER, "rita"));
    assertThat(request.schedule()).isEqualTo(Schedule.ONE_OFF);
    assertThat(request.firstDue()).isEqualTo(TODAY.plusDays(35));
    assertThat(request.amount().amount()).isEqualByComparingTo("12000");
    assertThat(request.amount().currency()).isEqualTo("EUR");
    assertThat(request.title()).isEqualTo("Payment terms: net 30");
  }

  @Test
  void netTermsOfAContractStartedLongAgoFallDueFromToday() {
    ObligationRequest request =
        ObligationsFromPaymentTerms.proposal(
            contract(TODAY.minusYears(1), TODAY.plusYears(1), "500"), terms("net 14"), TODAY);
    assertThat(request.firstDue()).isEqualTo(TODAY.plusDays(14));
  }

  @Test
  void aQuarterlyRhythmInAdvanceSpreadsTheValueOverTheTermsQuarters() {
    LocalDate start = LocalDate.of(2026, 4, 1);
    ObligationRequest request =
        ObligationsFromPaymentTerms.proposal(
            contract(start, start.plusYears(1).minusDays(1), "10000"),
            terms("quarterly in advance"),
            TODAY);
    assertThat(request.schedule()).isEqualTo(Schedule.QUARTERLY);
    assertThat(request.firstDue()).isEqualTo(start);
    assertThat(request.until()).as("follows the term, renewals included").isNull();
    assertThat(request.amount().amount()).isEqualByComparingTo("2500.00");
    assertThat(InstalmentSchedule.of(request, start.plusYears(1).minusDays(1)))
        .containsExactly(start, start.plusMonths(3), start.plusMonths(6), start.plusMonths(9));
  }

  @Test
  void inArrearsEachPaymentFallsDueAtTheEndOfItsPeriodAndPastOnesAreLeftOut() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    LocalDate end = LocalDate.of(2026, 12, 31);
    ObligationRequest request =
        ObligationsFromPaymentTerms.proposal(
            contract(start, end, "1200"), terms("monthly in arrears"), TODAY);
    assertThat(request.schedule()).isEqualTo(Schedule.MONTHLY);
    // 1 Feb and 1 Mar have passed; the last falls due the day after the term's last day
    assertThat(request.firstDue()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(request.until()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(request.amount().amount()).as("a twelfth of the value").isEqualByComparingTo("100");
    assertThat(InstalmentSchedule.of(request, end)).hasSize(10);
  }

  @Test
  void semiAnnualPaymentsAreMilestones() {
    LocalDate start = LocalDate.of(2026, 6, 1);
    ObligationRequest request =
        ObligationsFromPaymentTerms.proposal(
            contract(start, start.plusYears(2).minusDays(1), "4000"),
            terms("semi-annually in advance"),
            TODAY);
    assertThat(request.schedule()).isEqualTo(Schedule.MILESTONE);
    assertThat(request.milestones())
        .containsExactly(start, start.plusMonths(6), start.plusMonths(12), start.plusMonths(18));
    assertThat(request.amount().amount()).isEqualByComparingTo("1000");
  }

  @Test
  void aContractWithoutValueOrWithNothingLeftToPayIsRefused() {
    assertThatThrownBy(
            () ->
                ObligationsFromPaymentTerms.proposal(
                    contract(TODAY, TODAY.plusYears(1), "0"), terms("net 30"), TODAY))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no value");
    assertThatThrownBy(
            () ->
                ObligationsFromPaymentTerms.proposal(
                    contract(TODAY.minusYears(2), TODAY.minusYears(1), "100"),
                    terms("quarterly in advance"),
                    TODAY))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no payment due");
  }
}
