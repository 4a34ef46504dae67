-- Two organizations: acme (public, en, members may create channels) and globex (private, hu).
--   20000000-0000-4000-8000-000000000001 acme     20000000-0000-4000-8000-000000000002 globex
-- Members: acme  alice owner, bob admin, carol member, dave member (the bot joins in bots.sql)
--          globex hanna owner, istvan admin, judit member, carol member

insert into chat.organizations (id, slug, name, logo_url, is_public, default_locale, settings, created_at, updated_at) values
  ('20000000-0000-4000-8000-000000000001', 'acme', 'Acme Corporation', 'https://logos.example.com/acme.png',
   true, 'en', '{"membersCanCreateChannels": true}', '2026-01-03T09:00:00Z', '2026-01-03T09:00:00Z'),
  ('20000000-0000-4000-8000-000000000002', 'globex', 'Globex Kft.', 'https://logos.example.com/globex.png',
   false, 'hu', '{"membersCanCreateChannels": false}', '2026-01-03T10:00:00Z', '2026-01-03T10:00:00Z')
on conflict (id) do update set
  slug = excluded.slug,
  name = excluded.name,
  logo_url = excluded.logo_url,
  is_public = excluded.is_public,
  default_locale = excluded.default_locale,
  settings = excluded.settings,
  created_at = excluded.created_at,
  updated_at = excluded.updated_at,
  deleted_at = null;

insert into chat.organization_members (id, organization_id, user_id, role, nickname, invited_by, joined_at) values
  ('21000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000002', 'owner', 'Alice', null, '2026-01-03T09:00:00Z'),
  ('21000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000003', 'admin', null, '10000000-0000-4000-8000-000000000002', '2026-01-03T09:30:00Z'),
  ('21000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000004', 'member', 'Carol (Berlin)', '10000000-0000-4000-8000-000000000002', '2026-01-03T09:40:00Z'),
  ('21000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000005', 'member', null, '10000000-0000-4000-8000-000000000003', '2026-01-03T09:50:00Z'),
  ('21000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000002',
   '10000000-0000-4000-8000-000000000007', 'owner', 'Hanna', null, '2026-01-03T10:00:00Z'),
  ('21000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000002',
   '10000000-0000-4000-8000-000000000008', 'admin', 'Pisti', '10000000-0000-4000-8000-000000000007', '2026-01-03T10:10:00Z'),
  ('21000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000002',
   '10000000-0000-4000-8000-000000000009', 'member', null, '10000000-0000-4000-8000-000000000007', '2026-01-03T10:20:00Z'),
  ('21000000-0000-4000-8000-000000000008', '20000000-0000-4000-8000-000000000002',
   '10000000-0000-4000-8000-000000000004', 'member', null, '10000000-0000-4000-8000-000000000008', '2026-01-03T10:30:00Z')
on conflict (id) do update set
  organization_id = excluded.organization_id,
  user_id = excluded.user_id,
  role = excluded.role,
  nickname = excluded.nickname,
  invited_by = excluded.invited_by,
  joined_at = excluded.joined_at,
  deleted_at = null;

insert into chat.channel_sections (id, organization_id, name, position, created_at) values
  ('22000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'Company', 0, '2026-01-03T09:00:00Z'),
  ('22000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', 'Projects', 1, '2026-01-03T09:00:00Z'),
  ('22000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000002', 'Általános', 0, '2026-01-03T10:00:00Z'),
  ('22000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000002', 'Csapatok', 1, '2026-01-03T10:00:00Z')
on conflict (id) do update set
  organization_id = excluded.organization_id,
  name = excluded.name,
  position = excluded.position,
  created_at = excluded.created_at;
