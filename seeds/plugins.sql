-- The plugin catalog (base data): what an organization's admins may enable (enablePlugin).
-- Upserted on key; a re-run restores the texts and versions but never re-activates a plugin an
-- administrator deactivated. rss-feeds is inactive on purpose (it cannot be enabled); de is partial.
insert into platform.plugins (key, name, description, version, author, homepage, is_active, created_at, updated_at) values
  ('polls',
   '{"en": "Polls", "hu": "Szavazások", "de": "Umfragen"}',
   '{"en": "Quick polls in any channel", "hu": "Gyors szavazások bármely csatornában", "de": "Schnelle Umfragen in jedem Kanal"}',
   '1.4.0', 'Workspace team', 'https://plugins.example.com/polls', true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('reminders',
   '{"en": "Reminders", "hu": "Emlékeztetők", "de": "Erinnerungen"}',
   '{"en": "Remind yourself or a channel later", "hu": "Emlékeztető magadnak vagy egy csatornának"}',
   '2.0.1', 'Workspace team', 'https://plugins.example.com/reminders', true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('standup',
   '{"en": "Daily stand-up", "hu": "Napi megbeszélés"}',
   '{"en": "Collects everyone''s daily update in one thread", "hu": "Mindenki napi beszámolóját egy szálba gyűjti"}',
   '0.9.3', 'Example Labs', 'https://plugins.example.com/standup', true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('rss-feeds',
   '{"en": "RSS feeds (retired)", "hu": "RSS-hírcsatornák (kivezetve)"}',
   '{"en": "Posts feed items to a channel; replaced by integrations", "hu": "Hírcsatorna-elemek küldése egy csatornába; az integrációk váltották fel"}',
   '1.0.0', 'Example Labs', null, false, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
on conflict (key) do update set
  name = excluded.name,
  description = excluded.description,
  version = excluded.version,
  author = excluded.author,
  homepage = excluded.homepage,
  updated_at = excluded.updated_at;
