-- Demo data, insert if absent (DO NOTHING on the key): a re-run keeps whatever changed at run time.
-- The Helper Bot: machine user 10000000-0000-4000-8000-000000000020 (users.sql), created by alice,
-- installed in acme (an organization_members row for its machine user) and joined to #general.
-- Demo bearer token: gw_b_demo-helper-bot-token-not-a-secret-2026 — only its sha256 hex is stored.

insert into chat.bots (id, user_id, created_by, name, description, token_hash, scopes, is_public, created_at, updated_at) values
  ('50000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-000000000002',
   'Helper Bot',
   '{"en": "Posts a daily digest and answers simple questions", "hu": "Napi összefoglalót küld és egyszerű kérdésekre válaszol"}',
   encode(sha256(convert_to('gw_b_demo-helper-bot-token-not-a-secret-2026', 'UTF8')), 'hex'),
   '{messages:read,messages:write}', false, '2026-01-04T12:00:00Z', '2026-01-04T12:00:00Z')
on conflict (id) do nothing;

insert into chat.organization_members (id, organization_id, user_id, role, nickname, invited_by, joined_at) values
  ('21000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000020', 'member', null, '10000000-0000-4000-8000-000000000002', '2026-01-04T12:00:00Z')
on conflict (id) do nothing;

insert into chat.channel_members (id, channel_id, user_id, is_muted, is_hidden, is_favorite, joined_at) values
  ('31000000-0000-4000-8000-000000000040', '30000000-0000-4000-8000-000000000001',
   '10000000-0000-4000-8000-000000000020', false, false, false, '2026-01-04T12:00:00Z')
on conflict (id) do nothing;
