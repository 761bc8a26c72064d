-- When each user last signed in (any surface), for the access review; written at most every ten minutes per user.
create table contractflow.user_sign_in (
    user_id varchar(64) primary key,
    last_at timestamptz not null,
    surface varchar(40) not null
);
