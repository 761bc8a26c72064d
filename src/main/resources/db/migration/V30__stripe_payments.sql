-- Payments with Stripe (issue 20): each webhook event applied once (its id), each instalment's invoice, the customer
-- made for a counterparty once.
create table stripe_event (
    id          varchar(255) primary key,
    type        varchar(100) not null,
    received_at timestamptz  not null
);

create table stripe_customer (
    counterparty_id uuid         primary key references counterparty (id) on delete cascade,
    customer_id     varchar(255) not null unique
);

create table stripe_invoice (
    instalment_id uuid         primary key references obligation_instalment (id) on delete cascade,
    contract_id   uuid         not null references contract (id) on delete cascade,
    invoice_id    varchar(255) not null unique,
    status        varchar(32)  not null,
    updated_at    timestamptz  not null
);
create index stripe_invoice_open on stripe_invoice (status);
