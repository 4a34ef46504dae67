-- UI strings in two namespaces. One row per (locale, namespace, key); a null de means "not
-- translated yet", so clients fall back to en for it.

with source (namespace, key, en, hu, de) as (values
  ('common', 'app.title', 'Workspace', 'Munkaterület', 'Arbeitsbereich'),
  ('common', 'actions.save', 'Save', 'Mentés', 'Speichern'),
  ('common', 'actions.cancel', 'Cancel', 'Mégse', 'Abbrechen'),
  ('common', 'actions.delete', 'Delete', 'Törlés', 'Löschen'),
  ('common', 'actions.edit', 'Edit', 'Szerkesztés', null),
  ('common', 'auth.signIn', 'Sign in', 'Bejelentkezés', 'Anmelden'),
  ('common', 'auth.signOut', 'Sign out', 'Kijelentkezés', null),
  ('common', 'errors.forbidden', 'You do not have permission to do this.', 'Nincs jogosultságod ehhez.', null),
  ('common', 'errors.notFound', 'Not found.', 'Nem található.', 'Nicht gefunden.'),
  ('common', 'settings.language', 'Language', 'Nyelv', 'Sprache'),
  ('chat', 'channel.create', 'Create channel', 'Csatorna létrehozása', 'Kanal erstellen'),
  ('chat', 'channel.join', 'Join channel', 'Csatlakozás a csatornához', null),
  ('chat', 'channel.leave', 'Leave channel', 'Kilépés a csatornából', null),
  ('chat', 'message.placeholder', 'Write a message…', 'Írj egy üzenetet…', 'Nachricht schreiben…'),
  ('chat', 'message.edited', '(edited)', '(szerkesztve)', '(bearbeitet)'),
  ('chat', 'message.deleted', 'This message was deleted.', 'Ez az üzenet törölve lett.', null),
  ('chat', 'message.pin', 'Pin message', 'Üzenet kitűzése', null),
  ('chat', 'thread.reply', 'Reply in thread', 'Válasz a szálban', 'Im Thread antworten'),
  ('chat', 'reaction.add', 'Add reaction', 'Reakció hozzáadása', null),
  ('chat', 'typing.one', '{name} is typing…', '{name} éppen ír…', '{name} schreibt…')
)
insert into platform.translations (locale, namespace, key, value, created_at, updated_at)
select t.locale, s.namespace, s.key, t.value, timestamptz '2026-01-01T00:00:00Z', timestamptz '2026-01-01T00:00:00Z'
from source s
cross join lateral (values ('en', s.en), ('hu', s.hu), ('de', s.de)) as t(locale, value)
where t.value is not null
on conflict (locale, namespace, key) do update set
  value = excluded.value,
  updated_at = excluded.updated_at;
