-- RBAC catalog (base data): resources, permissions, the four system roles and groups, and their
-- grants. Catalog rows upsert on their text key; grants look ids up by key (a missing key fails the
-- NOT NULL of the primary key instead of being skipped silently).

insert into auth.resources (key, description, created_at) values
  ('users.users', '{"en": "User accounts", "hu": "Felhasználói fiókok", "de": "Benutzerkonten"}', '2026-01-01T00:00:00Z'),
  ('users.roles', '{"en": "Roles", "hu": "Szerepkörök", "de": "Rollen"}', '2026-01-01T00:00:00Z'),
  ('users.groups', '{"en": "Groups", "hu": "Csoportok", "de": "Gruppen"}', '2026-01-01T00:00:00Z'),
  ('users.permissions', '{"en": "Permissions", "hu": "Jogosultságok"}', '2026-01-01T00:00:00Z'),
  ('translations', '{"en": "Translations", "hu": "Fordítások"}', '2026-01-01T00:00:00Z'),
  ('log.activity', '{"en": "Activity log", "hu": "Tevékenységnapló", "de": "Aktivitätsprotokoll"}', '2026-01-01T00:00:00Z'),
  ('apps', '{"en": "Applications", "hu": "Alkalmazások", "de": "Anwendungen"}', '2026-01-01T00:00:00Z'),
  ('api', '{"en": "The GraphQL API", "hu": "A GraphQL API", "de": "Die GraphQL-API"}', '2026-01-01T00:00:00Z'),
  ('settings.auth_providers', '{"en": "Sign-in providers", "hu": "Bejelentkezési szolgáltatók", "de": "Anmeldeanbieter"}', '2026-01-01T00:00:00Z'),
  ('settings.themes', '{"en": "Theme presets", "hu": "Témabeállítások", "de": "Designvorlagen"}', '2026-01-01T00:00:00Z'),
  ('settings.email_templates', '{"en": "Email templates", "hu": "E-mail sablonok", "de": "E-Mail-Vorlagen"}', '2026-01-01T00:00:00Z'),
  ('log.system', '{"en": "System log", "hu": "Rendszernapló", "de": "Systemprotokoll"}', '2026-01-01T00:00:00Z')
on conflict (key) do update set description = excluded.description;

-- A permission key is <resource key>.<action>; resource and action are derived from it.
insert into auth.permissions (key, resource_id, action, description, created_at)
select
  p.key,
  (select r.id from auth.resources r where r.key = regexp_replace(p.key, '\.[^.]+$', '')),
  substring(p.key from '[^.]+$'),
  p.description::jsonb,
  timestamptz '2026-01-01T00:00:00Z'
from (values
  ('users.users.view', '{"en": "View users", "hu": "Felhasználók megtekintése", "de": "Benutzer anzeigen"}'),
  ('users.users.update', '{"en": "Edit users", "hu": "Felhasználók szerkesztése", "de": "Benutzer bearbeiten"}'),
  ('users.roles.view', '{"en": "View roles", "hu": "Szerepkörök megtekintése", "de": "Rollen anzeigen"}'),
  ('users.roles.create', '{"en": "Create roles", "hu": "Szerepkörök létrehozása", "de": "Rollen erstellen"}'),
  ('users.roles.update', '{"en": "Edit roles", "hu": "Szerepkörök szerkesztése", "de": "Rollen bearbeiten"}'),
  ('users.roles.delete', '{"en": "Delete roles", "hu": "Szerepkörök törlése", "de": "Rollen löschen"}'),
  ('users.groups.view', '{"en": "View groups", "hu": "Csoportok megtekintése", "de": "Gruppen anzeigen"}'),
  ('users.groups.create', '{"en": "Create groups", "hu": "Csoportok létrehozása"}'),
  ('users.groups.update', '{"en": "Edit groups", "hu": "Csoportok szerkesztése"}'),
  ('users.groups.delete', '{"en": "Delete groups", "hu": "Csoportok törlése"}'),
  ('users.permissions.view', '{"en": "View permissions", "hu": "Jogosultságok megtekintése", "de": "Berechtigungen anzeigen"}'),
  ('users.permissions.assign', '{"en": "Grant and revoke permissions", "hu": "Jogosultságok kiosztása és visszavonása"}'),
  ('translations.manage', '{"en": "Manage translations", "hu": "Fordítások kezelése", "de": "Übersetzungen verwalten"}'),
  ('log.activity.view', '{"en": "View the activity log", "hu": "Tevékenységnapló megtekintése"}'),
  ('apps.manage', '{"en": "Manage applications", "hu": "Alkalmazások kezelése", "de": "Anwendungen verwalten"}'),
  -- Introspection where it is turned off (production): src/production.ts.
  ('settings.auth_providers.manage', '{"en": "Manage sign-in providers", "hu": "Bejelentkezési szolgáltatók kezelése", "de": "Anmeldeanbieter verwalten"}'),
  ('api.introspect', '{"en": "Read the API schema (introspection)", "hu": "Az API sémájának lekérdezése (introspekció)"}'),
  ('settings.themes.manage', '{"en": "Manage theme presets", "hu": "Témabeállítások kezelése", "de": "Designvorlagen verwalten"}'),
  ('settings.email_templates.manage', '{"en": "Manage email templates", "hu": "E-mail sablonok kezelése", "de": "E-Mail-Vorlagen verwalten"}'),
  ('log.system.view', '{"en": "View the system log", "hu": "Rendszernapló megtekintése", "de": "Systemprotokoll anzeigen"}')
) as p(key, description)
on conflict (key) do update set
  resource_id = excluded.resource_id,
  action = excluded.action,
  description = excluded.description;

-- System roles; some descriptions have no de on purpose (fallback to en).
insert into auth.roles (key, name, description, is_system, created_at, updated_at) values
  ('administrator',
   '{"en": "Administrator", "hu": "Adminisztrátor", "de": "Administrator"}',
   '{"en": "Full access to the platform", "hu": "Teljes hozzáférés a platformhoz", "de": "Voller Zugriff auf die Plattform"}',
   true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('manager',
   '{"en": "Manager", "hu": "Vezető", "de": "Manager"}',
   '{"en": "Manages people and content", "hu": "Embereket és tartalmakat kezel"}',
   true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('user',
   '{"en": "User", "hu": "Felhasználó", "de": "Benutzer"}',
   '{"en": "A regular member of the platform", "hu": "A platform általános felhasználója", "de": "Ein normales Mitglied der Plattform"}',
   true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('guest',
   '{"en": "Guest", "hu": "Vendég"}',
   '{"en": "Limited, read-mostly access", "hu": "Korlátozott, főként olvasási hozzáférés"}',
   true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
on conflict (key) do update set
  name = excluded.name,
  description = excluded.description,
  is_system = excluded.is_system,
  updated_at = excluded.updated_at;

-- is_default: every person who signs up joins these groups (src/auth/sign-in.ts); here only everyone.
insert into auth.groups (key, name, description, is_system, is_default, created_at, updated_at) values
  ('administrators',
   '{"en": "Administrators", "hu": "Adminisztrátorok", "de": "Administratoren"}',
   '{"en": "People who run the platform", "hu": "A platform üzemeltetői", "de": "Die Betreiber der Plattform"}',
   true, false, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('staff',
   '{"en": "Staff", "hu": "Munkatársak"}',
   '{"en": "Employees of the organizations", "hu": "A szervezetek munkatársai"}',
   true, false, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('everyone',
   '{"en": "Everyone", "hu": "Mindenki", "de": "Alle"}',
   '{"en": "Every signed-in person", "hu": "Minden bejelentkezett személy", "de": "Alle angemeldeten Personen"}',
   true, true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  ('guests',
   '{"en": "Guests", "hu": "Vendégek", "de": "Gäste"}',
   '{"en": "Visitors with limited access", "hu": "Korlátozott hozzáférésű látogatók"}',
   true, false, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
on conflict (key) do update set
  name = excluded.name,
  description = excluded.description,
  is_system = excluded.is_system,
  is_default = excluded.is_default,
  updated_at = excluded.updated_at;

-- The administrator role holds every permission of the catalog.
insert into auth.role_permissions (role_id, permission_id, created_at)
select (select r.id from auth.roles r where r.key = 'administrator'), p.id, timestamptz '2026-01-01T00:00:00Z'
from auth.permissions p
on conflict do nothing;

insert into auth.role_permissions (role_id, permission_id, created_at)
select
  (select r.id from auth.roles r where r.key = g.role_key),
  (select p.id from auth.permissions p where p.key = g.permission_key),
  timestamptz '2026-01-01T00:00:00Z'
from (values
  ('manager', 'users.users.view'),
  ('manager', 'users.roles.view'),
  ('manager', 'users.groups.view'),
  ('manager', 'users.permissions.view'),
  ('manager', 'translations.manage'),
  ('manager', 'log.activity.view')
) as g(role_key, permission_key)
on conflict do nothing;

-- Group grants, so some permissions reach users only through a group.
insert into auth.group_permissions (group_id, permission_id, created_at)
select
  (select gr.id from auth.groups gr where gr.key = g.group_key),
  (select p.id from auth.permissions p where p.key = g.permission_key),
  timestamptz '2026-01-01T00:00:00Z'
from (values
  ('administrators', 'users.permissions.view'),
  ('administrators', 'users.permissions.assign'),
  ('administrators', 'apps.manage'),
  ('administrators', 'log.activity.view'),
  ('administrators', 'log.system.view'),
  ('staff', 'users.users.view'),
  ('staff', 'users.groups.view')
) as g(group_key, permission_key)
on conflict do nothing;
