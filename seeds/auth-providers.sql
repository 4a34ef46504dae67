-- Sign-in providers (base data): email and password, enabled. A re-run renames it only: whether
-- it is enabled is an administrator's decision (updateAuthProvider) that the seeds never undo.
insert into auth.auth_providers (key, kind, name, is_enabled, sort_order, created_at, updated_at) values
  ('email', 'password', '{"en": "Email and password", "hu": "E-mail és jelszó", "de": "E-Mail und Passwort"}', true, 0,
   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
on conflict (key) do update set name = excluded.name;
