-- Mail written in the same transaction as the event that causes it, sent after commit by MailDispatcher.
create table mail_outbox (
    id              uuid primary key,
    -- one mail per event and recipient, however often the event's transaction is retried
    dedupe_key      varchar(400)  not null unique,
    event           varchar(60)   not null,
    contract_id     uuid,
    recipient_user  varchar(100),
    recipient_email varchar(320)  not null,
    subject         varchar(400)  not null,
    text_body       text          not null,
    html_body       text          not null,
    created_at      timestamptz   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    sent_at         timestamptz,
    -- given up after the last attempt: stays here for an operator (and the outbox backlog metric)
    failed_at       timestamptz,
    last_error      varchar(1000)
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;
create index mail_outbox_recipient on mail_outbox (recipient_user, created_at);

-- The events that cause mail, written in the event's transaction; expanded into mail_outbox rows afterwards
-- (recipients looked up, templates rendered), so an identity provider that cannot be reached delays mail instead
-- of failing the event.
create table notification_event (
    id              uuid primary key,
    kind            varchar(60)   not null,
    payload         text          not null,
    created_at      timestamptz   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    done_at         timestamptz,
    failed_at       timestamptz,
    last_error      varchar(1000)
);

create index notification_event_due on notification_event (next_attempt_at) where done_at is null and failed_at is null;
