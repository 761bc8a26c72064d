-- The audit trail: per contract, an append-only chain of entries, each holding the hash of the one before
-- (io.contractflow.audit.EntryHash says what the hash covers). No cascade: a contract with a trail cannot be
-- deleted.
create table audit_entry (
    id          uuid primary key,
    contract_id uuid          not null references contract (id),
    seq         integer       not null check (seq > 0),
    occurred_at timestamptz   not null,
    actor       varchar(64)   not null,
    kind        varchar(40)   not null,
    summary     varchar(1000) not null,
    details     jsonb         not null default '{}' check (jsonb_typeof(details) = 'object'),
    prev_hash   varchar(64)   not null,
    hash        varchar(64)   not null,
    constraint audit_entry_seq_uk unique (contract_id, seq)
);
