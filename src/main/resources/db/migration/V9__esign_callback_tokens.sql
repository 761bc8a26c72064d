-- Callback tokens of e-signature vendors whose webhooks carry no signature of their own (RightSignature): each
-- signing request's callback URL ends in a random token; only its SHA-256 is kept, with the envelope it names.

create table esign_callback_token (
    token_sha256 bytea        primary key,
    provider     varchar(40)  not null,
    request_id   uuid         not null,
    envelope_id  varchar(200) not null,
    created_at   timestamptz  not null
);
create index esign_callback_token_envelope_ix on esign_callback_token (provider, envelope_id);
