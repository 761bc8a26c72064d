-- A user's saved views of a list in the workspace (the contracts list's filters, columns and sort as its query string).
-- Each belongs to one user, who alone reads or deletes it; a name is unique per user and list.
create table saved_view (
    id         uuid         primary key,
    owner      varchar(100) not null,
    list       varchar(40)  not null,
    name       varchar(80)  not null,
    query      varchar(2000) not null,
    created_at timestamptz  not null,
    unique (owner, list, name)
);
