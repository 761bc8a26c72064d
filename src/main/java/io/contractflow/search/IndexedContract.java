package io.contractflow.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as the index holds it: its facts, its counterparty's name, the text of its current
 * document version, and {@code readers}, the principals that may read it besides admins and
 * auditors (see {@link io.contractflow.contract.ReaderPrincipals}). {@code customFields} holds each
 * custom field value as one term {@code key=value} (see {@link IndexedCustomFields}).
 */
record IndexedContract(
    String id,
    String reference,
    String title,
    String description,
    String type,
    String status,
    String counterpartyId,
    String counterpartyName,
    String owner,
    List<String> tags,
    List<String> customFields,
    BigDecimal valueAmount,
    String currency,
    LocalDate startDate,
    LocalDate endDate,
    Boolean autoRenew,
    Instant createdAt,
    Instant updatedAt,
    Integer documentVersion,
    String documentFileName,
    String documentText,
    List<String> readers) {}
