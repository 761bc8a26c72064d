-- The security log kept in the database as well as written to the log (SOC 2: retained and exportable): sign-in
-- outcomes, throttling, rate limits, identity and authorization changes, exports, model deployments. Written from an
-- in-memory queue by one thread (a burst of failed logins cannot slow requests down), kept
-- contractflow.security-log.retention (400 days by default), exported by admins and auditors.
create table contractflow.security_event (
    id          bigserial    primary key,
    at          timestamptz  not null,
    level       varchar(8)   not null,
    action      varchar(80)  not null,
    outcome     varchar(20),
    user_name   varchar(160),
    source_ip   varchar(64),
    message     varchar(200) not null,
    fields      text         not null -- JSON object of the event's fields
);
create index security_event_at on contractflow.security_event (at);
