-- Privacy (issue 21): what the platform did for a person's rights (export, erasure), and audit entries whose hash
-- cannot be used to confirm a guessed name once the person is erased.

-- Every export and erasure, for the record. The person is named only by the SHA-256 of what identified them
-- (normalised e-mail or user id), so the record itself holds no personal data; the erasure's pseudonym is what
-- the person's user id became everywhere.
create table privacy_request (
    id             uuid primary key,
    kind           varchar(10)  not null check (kind in ('EXPORT', 'ERASURE')),
    subject_sha256 varchar(64)  not null,
    pseudonym      varchar(40),
    requested_by   varchar(64)  not null,
    requested_at   timestamptz  not null,
    result         jsonb        not null default '{}' check (jsonb_typeof(result) = 'object')
);
create index privacy_request_subject_ix on privacy_request (subject_sha256, requested_at);

-- A random secret per audit entry (hash version 2, io.contractflow.audit.EntryHash): the entry's hash covers it, so
-- nobody can confirm a guessed name against the hash. Erasing a person removes it from the entries that name them
-- (with their text), and a PERSONAL_DATA_ERASED entry later in the chain vouches for the redacted form. Entries
-- written before this version (v1) have none.
alter table audit_entry add column salt bytea;
