-- Mail that carries a credential (a signer's link): the bodies are stored encrypted (envelope encryption bound to
-- the outbox id) in body_sealed, text_body/html_body hold only a placeholder, and body_sealed is dropped once sent.
alter table mail_outbox add column body_sealed bytea;
-- Mail of users who chose the daily digest waits here (never sent on its own) until their digest takes it.
alter table mail_outbox add column held_for_digest boolean not null default false;
alter table mail_outbox add column digest_id uuid;

create index mail_outbox_held on mail_outbox (recipient_user, created_at) where held_for_digest and digest_id is null;
-- retention: sent mail and done events are deleted after contractflow.notifications.retention
create index mail_outbox_sent on mail_outbox (sent_at) where sent_at is not null;
create index notification_event_done on notification_event (done_at) where done_at is not null;

-- Events found by a scan (renewal reminders) carry a key: each is recorded once, whichever node scans first.
alter table notification_event add column dedupe_key varchar(400) unique;

-- Each user's choice per kind of mail: on or off, immediately or in the daily digest. No row: on, immediately.
create table notification_preference (
    user_id    varchar(100) not null,
    event      varchar(60)  not null,
    enabled    boolean      not null,
    delivery   varchar(20)  not null check (delivery in ('IMMEDIATE', 'DAILY_DIGEST')),
    updated_at timestamptz  not null,
    primary key (user_id, event)
);
