package io.contractflow.payment;

import java.util.UUID;

/**
 * An instalment's payment failed or was disputed ({@code invoice.payment_failed}, {@code
 * charge.dispute.created}); the owner should look into it.
 */
public record PaymentProblem(UUID contractId, UUID instalmentId, String invoiceId, String what) {}
