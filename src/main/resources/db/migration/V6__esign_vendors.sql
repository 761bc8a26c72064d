-- E-signature vendors: the provider a contract's owner chose, what the vendor last reported for a request, and
-- every webhook event applied (once: provider + event id).

-- null: the platform's default provider (contractflow.signing.provider)
alter table signing_plan add column provider varchar(40);

-- the vendor's last reported state (monotonic: an older event never lowers it) and when it was last read
alter table signing_request add column provider_state varchar(20);
alter table signing_request add column provider_checked_at timestamptz;
create unique index signing_request_envelope_uk on signing_request (provider, envelope_id);

create table esign_event (
    provider    varchar(40)  not null,
    event_id    varchar(200) not null,
    envelope_id varchar(200) not null,
    state       varchar(20)  not null,
    received_at timestamptz  not null,
    primary key (provider, event_id)
);
