-- An example of an enabled plugin (demo data): polls in acme, enabled by alice (its owner).
-- Inserted if absent: a re-run keeps a plugin an admin disabled disabled.
insert into platform.organization_plugins (organization_id, plugin_id, enabled_by, enabled_at, settings)
select '20000000-0000-4000-8000-000000000001', p.id, '10000000-0000-4000-8000-000000000002', timestamptz '2026-01-06T09:00:00Z',
  '{"allowAnonymousVotes": false}'
from platform.plugins p where p.key = 'polls'
on conflict do nothing;
