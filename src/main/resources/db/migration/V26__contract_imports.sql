-- Bulk import of signed contracts (issue 19): one import per uploaded ZIP, one row per file in it. A file's bytes are
-- staged here until its contract holds them as a document version, then cleared. Each file's contract id is chosen
-- when the file is queued: it is the business key of the file's import process and, later, of its lifecycle.
-- imported_document holds each imported file's SHA-256 once, so the same file twice is one contract.

alter table contract add column imported boolean not null default false;

create table contract_import (
    id           uuid         primary key,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    archive_name varchar(255) not null,
    file_count   int          not null
);
create index contract_import_created_by_ix on contract_import (created_by, created_at desc);

create table contract_import_file (
    id          uuid         primary key,
    import_id   uuid         not null references contract_import (id) on delete cascade,
    position    int          not null,
    file_name   varchar(255) not null,
    sha256      char(64)     not null,
    size        bigint       not null,
    content     bytea,
    csv_row     int,
    csv_facts   text,
    facts       text,
    owner       varchar(64)  not null,
    status      varchar(30)  not null,
    contract_id uuid         not null,
    failure     varchar(1000),
    updated_at  timestamptz  not null,
    unique (import_id, position)
);
create index contract_import_file_contract_ix on contract_import_file (contract_id);

create table imported_document (
    sha256      char(64)    primary key,
    contract_id uuid        not null,
    imported_at timestamptz not null
);
