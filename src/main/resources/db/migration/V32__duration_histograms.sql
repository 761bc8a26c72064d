-- Monthly summaries of the engine's history for the admins' cycle-time report: for each closed month, how many
-- phases and review tasks finished with a duration in each logarithmic bucket (bucket b holds durations from
-- 1.04^b to 1.04^(b+1) milliseconds). Percentiles over any window are read from these in milliseconds, within 2 %.
create table contractflow.duration_histogram (
    month   date         not null,
    measure varchar(20)  not null, -- phase | review-group | review-approver | review-month
    key     varchar(255) not null, -- the phase's model key, the approver group, the approver, or 'all'
    bucket  smallint     not null,
    n       integer      not null,
    primary key (month, measure, key, bucket)
);

-- the months summarised, and when: a month is summarised once it has ended
create table contractflow.duration_histogram_month (
    month         date        primary key,
    summarised_at timestamptz not null
);

-- each summarised month's exact figures: count, p50 and p90 in milliseconds
create table contractflow.duration_month_stats (
    month   date             not null,
    measure varchar(20)      not null, -- phase | review-month
    key     varchar(255)     not null,
    n       bigint           not null,
    p50_ms  double precision not null,
    p90_ms  double precision not null,
    primary key (month, measure, key)
);
