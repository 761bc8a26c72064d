-- Signers prove control of their address: a one-time code mailed to the invited address before they may sign or
-- decline (io.contractflow.signature.SignerVerification). Nothing here holds a secret in the clear.

-- a signer's current code (at most one): its SHA-256 is bound to the link's token, so it works with that link only
create table signing_signer_code (
    signer_id       uuid primary key references signing_signer (id) on delete cascade,
    code_sha256     varchar(64) not null,
    issued_at       timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts integer     not null default 0 check (failed_attempts >= 0)
);

-- a browser (or API client) that entered the right code: the session secret's SHA-256, bound to the link's token
create table signing_signer_session (
    secret_sha256 varchar(64) primary key,
    signer_id     uuid        not null references signing_signer (id) on delete cascade,
    token_sha256  varchar(64) not null,
    verified_at   timestamptz not null,
    expires_at    timestamptz not null
);
create index signing_signer_session_signer_ix on signing_signer_session (signer_id);

-- what happened to a signer's link and address check, for the signing audit trail, the certificate of completion
-- and the code rate limit (counted here, so that it holds across nodes)
create table signing_signer_event (
    id        uuid primary key,
    signer_id uuid         not null references signing_signer (id) on delete cascade,
    at        timestamptz  not null,
    kind      varchar(20)  not null check (kind in ('CODE_SENT', 'CODE_WRONG', 'CODE_VOIDED', 'VERIFIED', 'LINK_REISSUED')),
    actor     varchar(254) not null,
    detail    varchar(500)
);
create index signing_signer_event_signer_ix on signing_signer_event (signer_id, kind, at);

-- owners no longer forward links: the recorded invitations keep who and when, never the link
alter table signing_invitation drop column link_sealed;
