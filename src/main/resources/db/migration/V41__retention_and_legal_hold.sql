-- Retention (issue 21, part 4): how long a contract and its documents are kept after it expired or was terminated,
-- per contract type; a legal hold on a contract stops its deletion; what each retention run deleted (evidence).

-- Months kept after the end, per contract type; a type without a row keeps the default (contract_type 'DEFAULT').
create table contractflow.retention_policy (
    contract_type varchar(30)  primary key,
    keep_months   integer      not null check (keep_months between 1 and 1200),
    updated_by    varchar(64)  not null,
    updated_at    timestamptz  not null
);
insert into contractflow.retention_policy (contract_type, keep_months, updated_by, updated_at)
values ('DEFAULT', 120, 'system', now());

-- A legal hold: while set, the contract is never listed for deletion nor deleted. Placed and lifted through the API
-- (contract admins, legal reviewers of contracts they may read); both recorded in the contract's trail.
alter table contractflow.contract add column legal_hold_reason    varchar(1000);
alter table contractflow.contract add column legal_hold_placed_by varchar(64);
alter table contractflow.contract add column legal_hold_placed_at timestamptz;
alter table contractflow.contract add constraint contract_legal_hold_ck
    check ((legal_hold_placed_at is null) = (legal_hold_reason is null));

-- One row per contract a confirmed retention run handled: deleted, or skipped (on hold, no longer due, gone). Holds
-- no title, party or document: the reference, the type and the dates only.
create table contractflow.retention_deletion (
    id            uuid         primary key,
    run_id        varchar(64)  not null,          -- the retention process instance
    contract_id   uuid         not null,
    reference     varchar(20),
    contract_type varchar(30),
    ended_on      date,
    keep_months   integer,
    outcome       varchar(20)  not null check (outcome in ('DELETED', 'SKIPPED_LEGAL_HOLD', 'SKIPPED_NOT_DUE', 'GONE')),
    confirmed_by  varchar(64)  not null,
    deleted       jsonb        not null default '{}' check (jsonb_typeof(deleted) = 'object'),
    at            timestamptz  not null,
    unique (run_id, contract_id)
);
create index retention_deletion_at on contractflow.retention_deletion (at desc);
