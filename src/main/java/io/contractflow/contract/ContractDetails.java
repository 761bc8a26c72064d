package io.contractflow.contract;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The facts of a contract that its editors set, already validated. */
record ContractDetails(
    String title,
    String description,
    ContractType type,
    UUID counterpartyId,
    Money value,
    LocalDate startDate,
    LocalDate endDate,
    RenewalTerms renewal,
    Set<String> tags,
    Map<String, Object> customFields) {}
