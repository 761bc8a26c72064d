-- The outbox gauges count the mails and events given up after their last retry (contractflow_outbox_failed): a
-- partial index keeps that count cheap however much sent mail the retention period keeps.
create index mail_outbox_failed on mail_outbox (failed_at) where failed_at is not null;
create index notification_event_failed on notification_event (failed_at) where failed_at is not null;
