-- A contract's audit chain deleted by retention (issue 21, part 4) leaves a tombstone: how many entries it had, the
-- hash of each (so an anchor taken before the deletion still matches it), who confirmed the deletion and when,
-- signed with the platform's seal key. The anchor verification accounts for a tombstoned chain instead of reporting
-- it as truncated.
create table contractflow.audit_tombstone (
    contract_id   uuid         primary key,
    reference     varchar(20),
    entry_count   integer      not null check (entry_count >= 0),
    head_hash     varchar(64),
    hashes        jsonb        not null check (jsonb_typeof(hashes) = 'array'),
    chain_intact  boolean      not null,
    confirmed_by  varchar(64)  not null,
    reason        varchar(200) not null,
    deleted_at    timestamptz  not null,
    algorithm     varchar(40)  not null,
    signature     bytea        not null,
    certificate   bytea        not null
);
