-- auth.get_permissions(user_id): every permission a live user holds through one of their roles or
-- groups (P(k) of DOMAIN.md, as src/policies/viewer.ts hasPermission decides it), once each, by
-- key, with the roles and groups that grant it; none for a soft-deleted or unknown user.
-- The group half goes through auth.get_groups (registered as a dependency).
create or replace function auth.get_permissions(p_user_id uuid)
returns table (permission_id uuid, key text, resource_key text, action text, via_roles text[], via_groups text[])
language sql
stable
as $$
  with grants as (
    select rp.permission_id, r.key as role_key, null::text as group_key
    from auth.user_roles ur
    join auth.roles r on r.id = ur.role_id
    join auth.role_permissions rp on rp.role_id = ur.role_id
    join auth.users u on u.id = ur.user_id and u.deleted_at is null
    where ur.user_id = p_user_id
    union all
    select gp.permission_id, null, g.key
    from auth.get_groups(p_user_id) g
    join auth.group_permissions gp on gp.group_id = g.group_id
  )
  select p.id, p.key, res.key, p.action,
    coalesce(array_agg(distinct gr.role_key order by gr.role_key) filter (where gr.role_key is not null), '{}'),
    coalesce(array_agg(distinct gr.group_key order by gr.group_key) filter (where gr.group_key is not null), '{}')
  from grants gr
  join auth.permissions p on p.id = gr.permission_id
  join auth.resources res on res.id = p.resource_id
  group by p.id, p.key, res.key, p.action
  order by p.key
$$;

comment on function auth.get_permissions(uuid) is 'The permissions a live user holds through roles or groups, by key; seeds/procedures/get_permissions.sql';
