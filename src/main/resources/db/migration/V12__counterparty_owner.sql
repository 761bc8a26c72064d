-- A counterparty belongs to whoever may correct it: its creator. Entries from before owners were recorded go to the
-- owner of the oldest contract that names them; an entry no contract names is left to admins (owner null).
alter table counterparty add column owner varchar(64);

update counterparty cp set owner = (
    select c.owner from contract c where c.counterparty_id = cp.id order by c.created_at, c.id limit 1);

create index counterparty_owner_ix on counterparty (owner);
