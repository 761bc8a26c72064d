package io.contractflow.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a contract list is narrowed to; every part is optional. */
record ContractFilter(
    List<ContractStatus> status,
    List<ContractType> type,
    UUID counterpartyId,
    String owner,
    String tag,
    String q,
    LocalDate startFrom,
    LocalDate startTo,
    LocalDate endFrom,
    LocalDate endTo,
    BigDecimal valueMin,
    BigDecimal valueMax,
    String currency) {}
