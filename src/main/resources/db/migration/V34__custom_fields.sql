-- Custom fields (issue 19): admins define fields per contract type (or for every type), contracts hold their values.
-- A definition's key is unique across all types (search and reports name it as cf.<key>) and never changes. A field
-- with values on contracts is archived rather than deleted, so the values stay readable.

create table contractflow.custom_field (
    id            uuid         primary key,
    field_key     varchar(40)  not null unique,
    label         varchar(100) not null,
    contract_type varchar(30),
    kind          varchar(10)  not null,
    required      boolean      not null default false,
    choices       jsonb        not null default '[]' check (jsonb_typeof(choices) = 'array'),
    archived      boolean      not null default false,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0
);

-- The values, by field key: strings (text, choice, date, party id), numbers, {amount, currency} for money.
alter table contractflow.contract
    add column custom_fields jsonb not null default '{}' check (jsonb_typeof(custom_fields) = 'object');

-- An imported file's custom field values: its CSV's cf.<key> columns and what the extractor found.
alter table contractflow.contract_import_file add column custom_fields text;
