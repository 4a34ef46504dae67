-- Integration connections (demo data), without credentials: an organization admin stores those
-- with updateIntegrationConnection (sealed under INTEGRATION_SECRET_KEY; SQL cannot seal them).
-- acme: GitHub (active), a deploy webhook (paused); globex: Jira (in error). Inserted only if absent.
insert into chat.integration_connections (id, organization_id, provider, name, status, settings, created_by, created_at, updated_at) values
  ('23000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'github', 'acme/gateway', 'active',
   '{"repository": "acme/gateway", "events": ["push", "pull_request"], "channel": "general"}',
   '10000000-0000-4000-8000-000000000002', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z'),
  ('23000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', 'webhook', 'Deploy notifications', 'paused',
   '{"url": "https://hooks.example.com/acme/deploy", "events": ["deploy.finished"]}',
   '10000000-0000-4000-8000-000000000003', '2026-01-05T10:00:00Z', '2026-01-06T08:00:00Z'),
  ('23000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000002', 'jira', 'Globex Jira', 'error',
   '{"site": "https://globex.atlassian.net", "project": "OPS"}',
   '10000000-0000-4000-8000-000000000007', '2026-01-05T11:00:00Z', '2026-01-05T11:00:00Z')
on conflict do nothing;
