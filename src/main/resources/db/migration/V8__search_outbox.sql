-- Changes that the search index has still to take in. A row is written in the same transaction as the change to a
-- contract, its shares or its document, and deleted once the contract's current state is in the index; a failed
-- attempt stays, with a later next_attempt_at (backoff), until OpenSearch takes it.
create table search_outbox (
    id              bigserial primary key,
    contract_id     uuid          not null,
    reason          varchar(40)   not null,
    enqueued_at     timestamptz   not null default now(),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    last_error      varchar(1000)
);
create index search_outbox_due_ix on search_outbox (next_attempt_at, id);
