-- auth.get_groups(user_id): the groups a live user belongs to (auth.user_groups), by key; none for
-- a soft-deleted or unknown user (a deleted user is gone everywhere). The desktop guide's
-- get_groups, on our uuid keys. CREATE OR REPLACE keeps it idempotent; changing the returned
-- columns needs a `drop function if exists auth.get_groups(uuid);` above it (REPLACE cannot).
create or replace function auth.get_groups(p_user_id uuid)
returns table (group_id uuid, key text, name jsonb, description jsonb, is_system boolean, is_default boolean)
language sql
stable
as $$
  select g.id, g.key, g.name, g.description, g.is_system, g.is_default
  from auth.user_groups ug
  join auth.groups g on g.id = ug.group_id
  join auth.users u on u.id = ug.user_id and u.deleted_at is null
  where ug.user_id = p_user_id
  order by g.key
$$;

comment on function auth.get_groups(uuid) is 'The groups of a live user (auth.user_groups), by key; seeds/procedures/get_groups.sql';
