-- Demo users. Passwords (auth.accounts) are not seeded here.
-- Insert if absent: a re-run keeps what people changed at run time (profile, email, soft delete),
-- and roles and groups are granted only to users this run creates (a revoked one stays revoked).
-- The demo administrator admin@example.com takes the first administrator's id; when admin.sql has
-- already created that administrator from ADMIN_USER_EMAIL, the demo one is skipped.
--
--   10000000-0000-4000-8000-000000000001  admin   platform administrator (role administrator)
--   ...002 alice   acme owner       ...003 bob     acme admin      ...004 carol  member of acme and globex
--   ...005 dave    acme member      ...006 gina    guest, no organization
--   ...007 hanna   globex owner     ...008 istvan  globex admin    ...009 judit  globex member
--   ...020 helper-bot               machine user of the Helper Bot (see bots.sql)

with created as (
insert into auth.users (id, email, display_name, first_name, last_name, avatar_url, user_type, locale, timezone, settings, created_at, updated_at) values
  ('10000000-0000-4000-8000-000000000001',
   'admin@example.com',
   'Platform Admin', 'Ada', 'Admin', null, 'human', 'en', 'Europe/London', '{"theme": "dark"}',
   '2026-01-02T08:00:00Z', '2026-01-02T08:00:00Z'),
  ('10000000-0000-4000-8000-000000000002', 'alice@example.com', 'Alice Anderson', 'Alice', 'Anderson',
   'https://avatars.example.com/alice.png', 'human', 'en', 'America/New_York', '{"theme": "light"}',
   '2026-01-02T08:10:00Z', '2026-01-02T08:10:00Z'),
  ('10000000-0000-4000-8000-000000000003', 'bob@example.com', 'Bob Baker', 'Bob', 'Baker',
   'https://avatars.example.com/bob.png', 'human', 'en', 'Europe/London', '{}',
   '2026-01-02T08:20:00Z', '2026-01-02T08:20:00Z'),
  ('10000000-0000-4000-8000-000000000004', 'carol@example.com', 'Carol Schmidt', 'Carol', 'Schmidt',
   'https://avatars.example.com/carol.png', 'human', 'de', 'Europe/Berlin', '{"compactMode": true}',
   '2026-01-02T08:30:00Z', '2026-01-02T08:30:00Z'),
  ('10000000-0000-4000-8000-000000000005', 'dave@example.com', 'Dave Davis', 'Dave', 'Davis',
   null, 'human', 'en', 'America/Chicago', '{}',
   '2026-01-02T08:40:00Z', '2026-01-02T08:40:00Z'),
  ('10000000-0000-4000-8000-000000000006', 'gina@example.com', 'Gina Guest', 'Gina', 'Guest',
   null, 'human', 'en', 'Europe/Dublin', '{}',
   '2026-01-02T08:50:00Z', '2026-01-02T08:50:00Z'),
  ('10000000-0000-4000-8000-000000000007', 'hanna@example.com', 'Horváth Hanna', 'Hanna', 'Horváth',
   'https://avatars.example.com/hanna.png', 'human', 'hu', 'Europe/Budapest', '{"theme": "dark"}',
   '2026-01-02T09:00:00Z', '2026-01-02T09:00:00Z'),
  ('10000000-0000-4000-8000-000000000008', 'istvan@example.com', 'Kovács István', 'István', 'Kovács',
   null, 'human', 'hu', 'Europe/Budapest', '{}',
   '2026-01-02T09:10:00Z', '2026-01-02T09:10:00Z'),
  ('10000000-0000-4000-8000-000000000009', 'judit@example.com', 'Nagy Judit', 'Judit', 'Nagy',
   null, 'human', 'hu', 'Europe/Budapest', '{}',
   '2026-01-02T09:20:00Z', '2026-01-02T09:20:00Z'),
  ('10000000-0000-4000-8000-000000000020', 'helper-bot@bots.example.com', 'Helper Bot', null, null,
   'https://avatars.example.com/helper-bot.png', 'machine', 'en', 'UTC', '{}',
   '2026-01-04T12:00:00Z', '2026-01-04T12:00:00Z')
on conflict (id) do nothing
returning id
),
-- Roles; granted by the platform admin (the admin's own grant has no granter).
granted_roles as (
insert into auth.user_roles (user_id, role_id, granted_by, created_at)
select u.user_id::uuid, (select r.id from auth.roles r where r.key = u.role_key), u.granted_by::uuid, timestamptz '2026-01-02T10:00:00Z'
from (values
  ('10000000-0000-4000-8000-000000000001', 'administrator', null),
  ('10000000-0000-4000-8000-000000000002', 'manager', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000003', 'user', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000004', 'user', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000005', 'user', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000006', 'guest', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000007', 'manager', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000008', 'user', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000009', 'user', '10000000-0000-4000-8000-000000000001')
) as u(user_id, role_key, granted_by)
join created c on c.id = u.user_id::uuid
on conflict do nothing
returning user_id
)
insert into auth.user_groups (user_id, group_id, granted_by, created_at)
select u.user_id::uuid, (select g.id from auth.groups g where g.key = u.group_key), u.granted_by::uuid, timestamptz '2026-01-02T10:00:00Z'
from (values
  ('10000000-0000-4000-8000-000000000001', 'administrators', null),
  ('10000000-0000-4000-8000-000000000001', 'everyone', null),
  ('10000000-0000-4000-8000-000000000002', 'staff', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000002', 'everyone', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000003', 'staff', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000003', 'everyone', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000004', 'everyone', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000005', 'everyone', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000006', 'guests', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000007', 'staff', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000007', 'everyone', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000008', 'everyone', '10000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000009', 'everyone', '10000000-0000-4000-8000-000000000001')
) as u(user_id, group_key, granted_by)
join created c on c.id = u.user_id::uuid
on conflict do nothing;
