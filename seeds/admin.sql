-- The first platform administrator (base data), only when the runner is given an email
-- (ADMIN_USER_EMAIL, as seed.admin_email). Insert if absent: once the row seed.admin_id exists,
-- a re-run changes nothing, so the administrator keeps an email, profile, password or soft delete
-- changed at run time, and a later ADMIN_USER_EMAIL creates no second one. Not created either when
-- a live user already has that email: nobody is promoted by their email alone.
-- The password account holds seed.admin_password_hash (ADMIN_USER_PASSWORD, or a random password
-- the runner prints once). One statement: role, groups and account come only with a new user.

with admin as (
  select current_setting('seed.admin_id')::uuid as id,
         nullif(current_setting('seed.admin_email', true), '') as email,
         nullif(current_setting('seed.admin_password_hash', true), '') as password_hash
), created as (
  insert into auth.users (id, email, display_name, user_type, locale, timezone, settings)
  select a.id, a.email, 'Administrator', 'human', (select code from platform.locales where is_default), 'UTC', '{}'
  from admin a
  where a.email is not null
    and not exists (select 1 from auth.users u where lower(u.email) = lower(a.email) and u.deleted_at is null)
  on conflict (id) do nothing
  returning id
), account as (
  insert into auth.accounts (user_id, provider, password_hash)
  select c.id, 'password', a.password_hash from created c cross join admin a
  where a.password_hash is not null
  on conflict (user_id, provider) do nothing
  returning id
), role as (
  insert into auth.user_roles (user_id, role_id)
  select c.id, r.id from created c join auth.roles r on r.key = 'administrator'
  on conflict do nothing
  returning user_id
)
insert into auth.user_groups (user_id, group_id)
select c.id, g.id from created c join auth.groups g on g.key = 'administrators' or g.is_default
on conflict do nothing;
