-- One outbox for all work done after commit (search indexing, notification events, sending mail) instead of three
-- queues with their own columns. An entry is written in the business transaction; the worker (platform.outbox)
-- locks due entries FOR UPDATE SKIP LOCKED, hands them to their topic's handler, and deletes them when done (an
-- entry with a dedupe_key is kept as done instead, so its key keeps working until its topic's retention purges it).
-- A failed attempt waits next_attempt_at (doubling); after the topic's last attempt the entry is marked failed_at and
-- stays for an operator. Times here are the database's.
create table outbox (
    id              bigserial     primary key,
    topic           varchar(40)   not null,
    payload         text          not null,
    dedupe_key      varchar(400)  unique,
    created_at      timestamptz   not null default now(),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    done_at         timestamptz,
    failed_at       timestamptz,
    last_error      varchar(1000)
);
-- the worker's query and the pending gauges
create index outbox_due on outbox (topic, next_attempt_at, id) where done_at is null and failed_at is null;
-- the failed gauge
create index outbox_failed on outbox (topic) where failed_at is not null;
-- retention of done entries (with a key)
create index outbox_done on outbox (topic, done_at) where done_at is not null;

-- Pending search changes: the contract id is the payload.
insert into outbox (topic, payload, created_at, attempts, next_attempt_at, last_error)
select 'search', contract_id::text, enqueued_at, attempts, next_attempt_at, last_error
from search_outbox order by id;
drop table search_outbox;

-- Notification events not yet turned into mail, given up, or done with a key (renewal reminders: the key keeps a
-- second scan from recording them again). The payload carries the event's id (its mails' keys are made from it),
-- its kind and the event.
insert into outbox (topic, payload, dedupe_key, created_at, attempts, next_attempt_at, done_at, failed_at, last_error)
select 'notification', json_build_object('id', id, 'kind', kind, 'event', payload::json)::text, dedupe_key,
       created_at, attempts, next_attempt_at, done_at, failed_at, last_error
from notification_event
where done_at is null or dedupe_key is not null
order by created_at;
drop table notification_event;

-- Mail stays where it is, as the platform's mail (the inbox, the digest, retention): the table is named for that
-- now, and sending one is an outbox entry (payload: the mail's id) for every mail not yet sent; mail held for a
-- daily digest waits for the digest, not for the worker.
insert into outbox (topic, payload, created_at, attempts, next_attempt_at, failed_at, last_error)
select 'mail', id::text, created_at, attempts, next_attempt_at, failed_at, last_error
from mail_outbox
where sent_at is null and not held_for_digest
order by created_at;

alter table mail_outbox rename to mail;
drop index mail_outbox_due;
drop index mail_outbox_failed;
alter table mail drop column attempts;
alter table mail drop column next_attempt_at;
alter table mail drop column failed_at;
alter table mail drop column last_error;
alter index mail_outbox_recipient rename to mail_recipient;
alter index mail_outbox_held rename to mail_held;
alter index mail_outbox_sent rename to mail_sent;
