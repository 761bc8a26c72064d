package io.contractflow.search;

import io.contractflow.contract.ContractCreated;
import io.contractflow.contract.ContractEdited;
import io.contractflow.contract.ContractSharesChanged;
import io.contractflow.contract.ContractStatusChanged;
import io.contractflow.counterparty.CounterpartyChanged;
import io.contractflow.document.DocumentVersionChanged;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox of the search index. The domain events are published inside the transaction that made
 * the change and these listeners run synchronously in it, so the outbox row commits with the change or not at all:
 * no committed change can miss the index, and a rolled-back one never reaches it. {@link SearchOutboxDrain} takes the
 * rows to OpenSearch. (A cancellation arrives as its status change.)
 */
@Component
class SearchOutbox {

  private final JdbcTemplate jdbc;

  SearchOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void onCreated(ContractCreated event) {
    enqueue(event.contractId(), "created");
  }

  @EventListener
  void onEdited(ContractEdited event) {
    enqueue(event.contractId(), "edited");
  }

  @EventListener
  void onStatusChanged(ContractStatusChanged event) {
    enqueue(event.contractId(), "status " + event.to());
  }

  @EventListener
  void onSharesChanged(ContractSharesChanged event) {
    enqueue(event.contractId(), "shares");
  }

  @EventListener
  void onDocument(DocumentVersionChanged event) {
    enqueue(event.contractId(), "document v" + event.currentVersion());
  }

  @EventListener
  void onCounterparty(CounterpartyChanged event) {
    jdbc.update("insert into contractflow.search_outbox (contract_id, reason) "
        + "select id, 'counterparty' from contractflow.contract where counterparty_id = ?", event.counterpartyId());
  }

  void enqueue(UUID contractId, String reason) {
    jdbc.update("insert into contractflow.search_outbox (contract_id, reason) values (?, ?)", contractId, reason);
  }
}
