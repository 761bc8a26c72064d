package io.contractflow.search;

import io.contractflow.contract.ContractCreated;
import io.contractflow.contract.ContractDeleted;
import io.contractflow.contract.ContractEdited;
import io.contractflow.contract.ContractSharesChanged;
import io.contractflow.contract.ContractStatusChanged;
import io.contractflow.counterparty.CounterpartyChanged;
import io.contractflow.document.DocumentVersionChanged;
import io.contractflow.platform.outbox.Outbox;
import io.contractflow.platform.privacy.PersonalDataErased;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the search index has to take in, written to the outbox (topic {@value IndexUpdates#TOPIC},
 * payload: the contract's id). The domain events are published inside the transaction that made the
 * change and these listeners run synchronously in it, so the entry commits with the change or not
 * at all: no committed change can miss the index, and a rolled-back one never reaches it. {@link
 * IndexUpdates} takes the entries to OpenSearch. (A cancellation arrives as its status change.)
 */
@Component
class SearchOutbox {

  private final JdbcTemplate jdbc;
  private final Outbox outbox;

  SearchOutbox(JdbcTemplate jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  @EventListener
  void onCreated(ContractCreated event) {
    enqueue(event.contractId());
  }

  @EventListener
  void onEdited(ContractEdited event) {
    enqueue(event.contractId());
  }

  @EventListener
  void onStatusChanged(ContractStatusChanged event) {
    enqueue(event.contractId());
  }

  @EventListener
  void onSharesChanged(ContractSharesChanged event) {
    enqueue(event.contractId());
  }

  @EventListener
  void onDocument(DocumentVersionChanged event) {
    enqueue(event.contractId());
  }

  @EventListener
  void onCounterparty(CounterpartyChanged event) {
    outbox.addAll(
        IndexUpdates.TOPIC,
        jdbc.queryForList(
            "select id::text from contractflow.contract where counterparty_id = ?",
            String.class,
            event.counterpartyId()));
  }

  /** A contract deleted by retention: the entry finds no row and deletes it from the index. */
  @EventListener
  void onDeleted(ContractDeleted event) {
    enqueue(event.contractId());
  }

  /** An erased person's contracts: their index entries are rebuilt without them. */
  @EventListener
  void onPersonalDataErased(PersonalDataErased event) {
    outbox.addAll(
        IndexUpdates.TOPIC, event.contractIds().stream().map(UUID::toString).sorted().toList());
  }

  /** The index takes the contract as it is when the entry is worked, whatever changed. */
  void enqueue(UUID contractId) {
    outbox.add(IndexUpdates.TOPIC, contractId.toString());
  }
}
