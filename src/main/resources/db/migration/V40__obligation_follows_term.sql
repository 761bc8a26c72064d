-- A recurring obligation added without a last date runs to the end of the contract's term; follows_term marks it, so
-- that when the contract renews its schedule goes on into the new term (new instalments up to the new end date).
-- Obligations added before this migration do not follow renewals (whether they had a last date was not stored).
alter table contractflow.obligation add column follows_term boolean not null default false;
