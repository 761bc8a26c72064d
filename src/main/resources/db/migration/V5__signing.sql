-- Signing: who is to sign a contract (the plan its owner sets), the signing requests sent for it, each signer's
-- link and what they did with it, and the invitations handed out.

-- the signers a contract's owner chose; without a plan the counterparty's contact signs alone
create table signing_plan (
    contract_id uuid primary key references contract (id) on delete cascade,
    mode        varchar(12) not null check (mode in ('SEQUENTIAL', 'PARALLEL')),
    updated_by  varchar(64) not null,
    updated_at  timestamptz not null
);

create table signing_plan_signer (
    contract_id uuid         not null references signing_plan (contract_id) on delete cascade,
    position    integer      not null check (position >= 0),
    sign_order  integer      not null check (sign_order between 1 and 10),
    name        varchar(200) not null,
    email       varchar(254) not null,
    primary key (contract_id, position)
);

create table signing_request (
    id                  uuid primary key,
    contract_id         uuid          not null references contract (id) on delete cascade,
    contract_reference  varchar(20)   not null,
    contract_title      varchar(200)  not null,
    provider            varchar(40)   not null,
    envelope_id         varchar(200),
    mode                varchar(12)   not null check (mode in ('SEQUENTIAL', 'PARALLEL')),
    status              varchar(12)   not null check (status in ('OPEN', 'COMPLETED', 'DECLINED', 'EXPIRED', 'CANCELLED')),
    document_version_id uuid          not null,
    document_file_name  varchar(150)  not null,
    document_sha256     varchar(64)   not null,
    created_by          varchar(64)   not null,
    created_at          timestamptz   not null,
    expires_at          timestamptz   not null,
    completed_at        timestamptz,
    closed_at           timestamptz,
    close_reason        varchar(1000),
    sealed_version_id   uuid,
    sealed_at           timestamptz,
    version             bigint        not null
);
create index signing_request_contract_ix on signing_request (contract_id, created_at);
-- one open request per contract: a retried "send" finds it instead of sending a second one
create unique index signing_request_open_uk on signing_request (contract_id) where status = 'OPEN';

-- a signer's link is known by the SHA-256 of its token only; the token itself is kept encrypted (envelope
-- encryption, bound to the signer's id) so that later signers can be invited when their turn comes
create table signing_signer (
    id             uuid primary key,
    request_id     uuid          not null references signing_request (id) on delete cascade,
    position       integer       not null check (position >= 0),
    sign_order     integer       not null check (sign_order between 1 and 10),
    name           varchar(200)  not null,
    email          varchar(254)  not null,
    status         varchar(12)   not null check (status in ('PENDING', 'SIGNED', 'DECLINED', 'EXPIRED', 'CANCELLED')),
    token_sha256   varchar(64)   unique,
    token_sealed   bytea,
    invited_at     timestamptz,
    typed_name     varchar(200),
    consent_text   varchar(500),
    signed_at      timestamptz,
    ip_address     varchar(45),
    user_agent     varchar(512),
    declined_at    timestamptz,
    decline_reason varchar(1000),
    constraint signing_signer_position_uk unique (request_id, position)
);

-- each invitation handed out, with its link (encrypted like the token), so owners can forward links until mail
-- delivery exists
create table signing_invitation (
    id          uuid primary key,
    signer_id   uuid        not null references signing_signer (id) on delete cascade,
    link_sealed bytea       not null,
    created_at  timestamptz not null
);
create index signing_invitation_signer_ix on signing_invitation (signer_id, created_at);
