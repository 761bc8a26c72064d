-- What a contract promises (issue 20): an obligation (a payment, delivery, report, notice or anything else) with its
-- owner (a user or a group), the side that owes it, and its schedule; each occurrence (instalment) is a row of its
-- own and runs as its own process (processes/obligation.bpmn) once the contract is active.
create table obligation (
    id               uuid          primary key,
    contract_id      uuid          not null references contract (id) on delete cascade,
    kind             varchar(16)   not null,
    title            varchar(200)  not null,
    owner_type       varchar(8)    not null,
    owner_id         varchar(64)   not null,
    escalation_group varchar(64)   not null,
    owed_by          varchar(16)   not null,
    schedule         varchar(16)   not null,
    amount           numeric(19,2),
    currency         char(3),
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null
);
create index obligation_contract on obligation (contract_id);
create index obligation_owner on obligation (owner_type, owner_id);

create table obligation_instalment (
    id                  uuid         primary key,
    obligation_id       uuid         not null references obligation (id) on delete cascade,
    contract_id         uuid         not null references contract (id) on delete cascade,
    seq                 integer      not null,
    due_on              date         not null,
    status              varchar(16)  not null,
    overdue             boolean      not null default false,
    process_instance_id varchar(64),
    outcome_at          timestamptz,
    outcome_by          varchar(100),
    evidence_version    integer,
    note                varchar(4000),
    unique (obligation_id, seq)
);
create index obligation_instalment_contract on obligation_instalment (contract_id, due_on);
create index obligation_instalment_open on obligation_instalment (status, due_on);
