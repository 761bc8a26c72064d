package io.contractflow.payment;

import java.util.UUID;

/**
 * Stripe says (and a re-read of the invoice confirms) that an instalment's invoice is paid;
 * published once, in the transaction that applied the event.
 */
public record InvoicePaid(UUID contractId, UUID instalmentId, String invoiceId) {}
