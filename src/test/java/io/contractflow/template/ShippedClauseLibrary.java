package io.contractflow.template;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped clauses as version 1 of each, without a database: for unit tests and the benchmark.
 */
final class ShippedClauseLibrary implements ClauseLookup {

  static final String[] KEYS = {
    "confidentiality",
    "term-and-termination",
    "limitation-of-liability",
    "governing-law",
    "payment-terms",
    "intellectual-property"
  };

  private final Map<String, String> texts = new HashMap<>();

  ShippedClauseLibrary() {
    for (String key : KEYS) {
      texts.put(
          key,
          ShippedClause.parse(key, TemplateCatalog.resource("templates/clauses/" + key + ".txt"))
              .text());
    }
  }

  @Override
  public Optional<String> text(String key, Integer version) {
    return version == null || version == 1 ? Optional.ofNullable(texts.get(key)) : Optional.empty();
  }

  static ContractFacts facts() {
    return new ContractFacts(
        "Cloud services",
        "CF-2026-0042",
        "Acme GmbH",
        "legal@acme.example",
        new java.math.BigDecimal("12000.50"),
        "EUR",
        java.time.LocalDate.of(2026, 1, 1),
        java.time.LocalDate.of(2026, 12, 31),
        true,
        12,
        60,
        "rita");
  }

  static Map<String, String> variables() {
    return Map.of(
        "companyName",
        "ContractFlow Demo Ltd",
        "purpose",
        "evaluating a cloud services partnership",
        "governingLaw",
        "England and Wales",
        "scope",
        "managed hosting and 24/7 operations of the customer's platform",
        "deliverables",
        "a migration plan, the migrated platform and operations runbooks",
        "masterAgreement",
        "CF-2025-0007");
  }
}
