-- Desktop apps. Public apps are listed for everyone; the others through role or group access.
-- legacy-reports is inactive, so nobody sees it even where access is granted. Some names and
-- descriptions have no de on purpose (fallback to en).

insert into platform.apps (key, name, description, category, icon, is_active, is_public, sort_order, "window", created_at, updated_at) values
  ('chat',
   '{"en": "Chat", "hu": "Csevegés", "de": "Chat"}',
   '{"en": "Channels, direct messages and threads", "hu": "Csatornák, közvetlen üzenetek és szálak", "de": "Kanäle, Direktnachrichten und Threads"}',
   'communication', 'message-circle', true, true, 10, '{"width": 1024, "height": 720, "resizable": true}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('notifications',
   '{"en": "Notifications", "hu": "Értesítések", "de": "Benachrichtigungen"}',
   '{"en": "Everything that needs your attention", "hu": "Minden, ami a figyelmedet igényli"}',
   'communication', 'bell', true, true, 20, '{"width": 420, "height": 640, "resizable": false}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('files',
   '{"en": "Files", "hu": "Fájlok", "de": "Dateien"}',
   '{"en": "Your files and the files shared with you", "hu": "A fájljaid és a veled megosztott fájlok", "de": "Ihre Dateien und mit Ihnen geteilte Dateien"}',
   'productivity', 'folder', true, false, 30, '{"width": 900, "height": 600, "resizable": true}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('users',
   '{"en": "User management", "hu": "Felhasználókezelés", "de": "Benutzerverwaltung"}',
   '{"en": "Users, roles, groups and permissions", "hu": "Felhasználók, szerepkörök, csoportok és jogosultságok", "de": "Benutzer, Rollen, Gruppen und Berechtigungen"}',
   'administration', 'users', true, false, 40, '{"width": 1100, "height": 760, "resizable": true}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('translations',
   '{"en": "Translations", "hu": "Fordítások"}',
   '{"en": "Edit the texts of the user interface", "hu": "A felhasználói felület szövegeinek szerkesztése"}',
   'administration', 'languages', true, false, 50, '{"width": 1000, "height": 700, "resizable": true}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('activity-log',
   '{"en": "Activity log", "hu": "Tevékenységnapló"}',
   '{"en": "Who did what, and when", "hu": "Ki, mit és mikor csinált"}',
   'administration', 'scroll-text', true, false, 60, '{"width": 1000, "height": 700, "resizable": true}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('settings',
   '{"en": "Settings", "hu": "Beállítások", "de": "Einstellungen"}',
   '{"en": "Profile, language and notification preferences", "hu": "Profil, nyelv és értesítési beállítások", "de": "Profil, Sprache und Benachrichtigungen"}',
   'system', 'settings', true, true, 70, '{"width": 720, "height": 560, "resizable": false}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('legacy-reports',
   '{"en": "Reports (legacy)", "hu": "Jelentések (régi)"}',
   '{"en": "The old reporting module, kept for reference", "hu": "A régi jelentésmodul, csak referenciának"}',
   'analytics', 'bar-chart', false, false, 90, '{"width": 1024, "height": 720, "resizable": true}',
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
on conflict (key) do update set
  name = excluded.name,
  description = excluded.description,
  category = excluded.category,
  icon = excluded.icon,
  is_active = excluded.is_active,
  is_public = excluded.is_public,
  sort_order = excluded.sort_order,
  "window" = excluded."window",
  updated_at = excluded.updated_at;

insert into platform.role_app_access (role_id, app_id, created_at)
select
  (select r.id from auth.roles r where r.key = a.role_key),
  (select p.id from platform.apps p where p.key = a.app_key),
  timestamptz '2026-01-01T00:00:00Z'
from (values
  ('administrator', 'files'),
  ('administrator', 'users'),
  ('administrator', 'translations'),
  ('administrator', 'activity-log'),
  ('administrator', 'legacy-reports'),
  ('manager', 'files'),
  ('manager', 'users'),
  ('manager', 'activity-log'),
  ('user', 'files'),
  ('user', 'legacy-reports')
) as a(role_key, app_key)
on conflict do nothing;

insert into platform.group_app_access (group_id, app_id, created_at)
select
  (select g.id from auth.groups g where g.key = a.group_key),
  (select p.id from platform.apps p where p.key = a.app_key),
  timestamptz '2026-01-01T00:00:00Z'
from (values
  ('administrators', 'translations'),
  ('administrators', 'activity-log'),
  ('staff', 'files'),
  ('staff', 'translations')
) as a(group_key, app_key)
on conflict do nothing;
