-- Personal calendar feeds: each user may subscribe a calendar app to GET /calendar/<token>.ics. The token is
-- 256 random bits shown once; only its SHA-256 is kept. Revoking keeps the row (revoked_at) so the security log's
-- token ids stay explainable; a revoked token never works again.

create table calendar_feed_token (
    id           uuid         primary key,
    username     varchar(64)  not null,
    token_sha256 bytea        not null unique,
    label        varchar(100) not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index calendar_feed_token_user_ix on calendar_feed_token (username) where revoked_at is null;
