-- Every upload (or generated draft) of a contract's document is a new version. The bytes live in the document
-- store, encrypted, under a server-generated key; this row holds what is known about them.
create table document_version (
    id             uuid primary key,
    contract_id    uuid          not null references contract (id) on delete cascade,
    version_number integer       not null check (version_number > 0),
    file_name      varchar(150)  not null,
    media_type     varchar(100)  not null,
    size_bytes     bigint        not null check (size_bytes >= 0),
    sha256         varchar(64)   not null,
    storage_key    varchar(200)  not null unique,
    uploaded_by    varchar(64)   not null,
    uploaded_at    timestamptz   not null,
    is_current     boolean       not null default false,
    page_count     integer,
    text_status    varchar(20)   not null check (text_status in ('EXTRACTED', 'EMPTY', 'FAILED')),
    extracted_text text,
    constraint document_version_number_uk unique (contract_id, version_number)
);
-- at most one current version per contract
create unique index document_version_current_uk on document_version (contract_id) where is_current;
