-- ContractFlow's own tables live in the "contractflow" schema; Camunda keeps its ACT_* tables in "public".

create table counterparty (
    id            uuid primary key,
    name          varchar(200) not null,
    contact_name  varchar(200),
    contact_email varchar(254) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null
);
create unique index counterparty_name_uk on counterparty (lower(name));

-- one row per year: the last number handed out in CF-<year>-<number>
create table reference_counter (
    year       integer primary key,
    last_value integer not null
);

create table contract (
    id                  uuid primary key,
    reference           varchar(20)   not null unique,
    title               varchar(200)  not null,
    description         varchar(4000),
    type                varchar(30)   not null,
    counterparty_id     uuid          not null references counterparty (id),
    value_amount        numeric(19, 4) not null check (value_amount >= 0),
    value_currency      varchar(3)    not null,
    start_date          date          not null,
    end_date            date,
    auto_renew          boolean       not null default false,
    renewal_term_months integer check (renewal_term_months between 1 and 120),
    notice_period_days  integer check (notice_period_days between 0 and 730),
    owner               varchar(64)   not null,
    status              varchar(20)   not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null,
    constraint contract_dates_ck check (end_date is null or end_date >= start_date)
);
create index contract_owner_ix on contract (owner);
create index contract_status_ix on contract (status);
create index contract_type_ix on contract (type);
create index contract_counterparty_ix on contract (counterparty_id);
create index contract_start_date_ix on contract (start_date);
create index contract_end_date_ix on contract (end_date);
create index contract_created_at_ix on contract (created_at);

create table contract_tag (
    contract_id uuid        not null references contract (id) on delete cascade,
    tag         varchar(50) not null,
    primary key (contract_id, tag)
);
create index contract_tag_tag_ix on contract_tag (tag);

-- who else may see or edit a contract: a user or a whole group
create table contract_share (
    id             uuid primary key,
    contract_id    uuid        not null references contract (id) on delete cascade,
    principal_type varchar(10) not null check (principal_type in ('USER', 'GROUP')),
    principal_id   varchar(64) not null,
    permission     varchar(10) not null check (permission in ('VIEW', 'EDIT')),
    granted_by     varchar(64) not null,
    granted_at     timestamptz not null,
    constraint contract_share_uk unique (contract_id, principal_type, principal_id)
);
create index contract_share_principal_ix on contract_share (principal_type, principal_id);
