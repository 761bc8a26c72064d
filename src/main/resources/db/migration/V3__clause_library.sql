-- The clause library: reusable contract clauses, each with numbered versions. A version is never changed;
-- a new text is a new version. Templates include a clause's latest version or a pinned one.
create table clause (
    id         uuid primary key,
    key        varchar(64)  not null,
    title      varchar(200) not null,
    created_at timestamptz  not null,
    constraint clause_key_uk unique (key)
);

create table clause_version (
    clause_id  uuid        not null references clause (id) on delete cascade,
    version    integer     not null check (version > 0),
    text       text        not null,
    created_by varchar(64) not null,
    created_at timestamptz not null,
    constraint clause_version_pk primary key (clause_id, version)
);
