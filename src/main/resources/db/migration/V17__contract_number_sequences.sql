-- CF-<year>-<number> comes from one sequence per year instead of one counter row per year. Every create updated that
-- row and held its lock until commit, so creates ran one at a time (the whole transaction: the contract, its audit
-- entry, its process instance). nextval never waits for another transaction; the price is that a create that fails
-- after taking its number leaves a gap in the year's numbers.
create function contractflow.next_contract_number(year integer) returns bigint
    language plpgsql as
$$
declare
    sequence_name text := 'contractflow.contract_number_' || year;
begin
    if to_regclass(sequence_name) is null then
        -- the first create of a year makes the year's sequence; a concurrent first create waits here until it is
        -- committed and then finds it
        perform pg_advisory_xact_lock(hashtext(sequence_name));
        execute format('create sequence if not exists %s', sequence_name);
    end if;
    return nextval(sequence_name);
end
$$;

do
$$
    declare
        counter record;
    begin
        for counter in select year, last_value from contractflow.reference_counter
            loop
                execute format('create sequence contractflow.contract_number_%s start with %s', counter.year,
                               counter.last_value + 1);
            end loop;
    end
$$;

drop table contractflow.reference_counter;
