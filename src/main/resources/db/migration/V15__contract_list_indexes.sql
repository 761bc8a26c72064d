-- Contract lists that stay fast as the table grows (docs/benchmarks.md, "Cost as work grows").
--
-- Every list is ordered by the sort asked for, then by created_at desc, id (PageRequests adds them). A sortable
-- column without an index makes each page a sort of every matching row (at 1,000,000 contracts: the whole
-- table); with one, PostgreSQL walks the index and stops after the page.
--
-- The status, type, owner and counterparty indexes gain created_at desc, so a filter on one of them with the
-- default order (newest first) reads just the page; they still serve equality alone (the requester's access
-- filter looks their own contracts up by owner). They replace the single-column indexes of V1, so a create
-- writes as many index entries as before, plus the three new sortable columns.
--
-- Not CONCURRENTLY: Flyway keeps a transaction open on a second connection while it migrates, and a concurrent
-- build waits for every older transaction of the database, so start-up would hang. A plain build holds writes
-- to contract for its duration (about a second per index per 100,000 contracts on 2 cores): run the release that
-- brings it at a quiet time.

create index contract_value_amount_ix on contract (value_amount);
create index contract_updated_at_ix on contract (updated_at);
create index contract_title_ix on contract (title);

create index contract_status_created_ix on contract (status, created_at desc);
drop index contract_status_ix;
create index contract_type_created_ix on contract (type, created_at desc);
drop index contract_type_ix;
create index contract_owner_created_ix on contract (owner, created_at desc);
drop index contract_owner_ix;
create index contract_counterparty_created_ix on contract (counterparty_id, created_at desc);
drop index contract_counterparty_ix;
