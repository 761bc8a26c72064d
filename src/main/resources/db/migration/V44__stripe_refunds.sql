-- Refunds of paid instalments when a contract is terminated (issue 20): one row per Stripe refund
-- made for an instalment's paid invoice; an instalment with a row is not refunded again.
create table stripe_refund (
    refund_id     varchar(255) primary key,
    instalment_id uuid         not null references obligation_instalment (id) on delete cascade,
    contract_id   uuid         not null references contract (id) on delete cascade,
    invoice_id    varchar(255) not null,
    amount        bigint       not null,
    currency      varchar(3)   not null,
    status        varchar(32)  not null,
    created_at    timestamptz  not null
);
create index stripe_refund_instalment on stripe_refund (instalment_id);
