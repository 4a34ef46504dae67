-- UI strings in the namespaces common and chat, and the texts of the notifications the database
-- writes (namespace notifications: `{name}` placeholders, filled in the recipient's locale by
-- platform.notification_text; README, "Notifications"). One row per (locale, namespace, key); a
-- null de means "not translated yet", so clients fall back to en for it.

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
  ('chat', 'typing.one', '{name} is typing…', '{name} éppen ír…', '{name} schreibt…'),
  ('notifications', 'mention.title', '{actor} mentioned you', '{actor} megemlített téged', '{actor} hat Sie erwähnt'),
  ('notifications', 'mention.body', 'In #{channel}, {organization}', '#{channel} csatorna, {organization}', null),
  ('notifications', 'reply.title', '{actor} replied to your message', '{actor} válaszolt az üzenetedre', '{actor} hat auf Ihre Nachricht geantwortet'),
  ('notifications', 'reply.body', 'In #{channel}, {organization}', '#{channel} csatorna, {organization}', null),
  ('notifications', 'thread_reply.title', 'New reply in the thread “{thread}”', 'Új válasz a(z) „{thread}” szálban', null),
  ('notifications', 'thread_reply.body', '{actor} replied in a thread of #{channel}', '{actor} válaszolt a(z) #{channel} egyik szálában', null),
  ('notifications', 'direct_message.title', 'New direct message from {actor}', 'Új közvetlen üzenet tőle: {actor}', 'Neue Direktnachricht von {actor}'),
  ('notifications', 'direct_message.body', '{actor} wrote to you in {organization}', '{actor} írt neked itt: {organization}', null),
  ('notifications', 'channel_added.title', 'You were added to #{channel}', 'Hozzáadtak a(z) #{channel} csatornához', null),
  ('notifications', 'channel_added.body', '{actor} added you to #{channel} in {organization}', '{actor} hozzáadott a(z) #{channel} csatornához itt: {organization}', null),
  ('notifications', 'organization_added.title', 'You were added to {organization}', 'Felvettek ide: {organization}', null),
  ('notifications', 'organization_added.body', '{actor} added you as {role}', '{actor} felvett, szerepköröd: {role}', null),
  ('notifications', 'role_changed.title', 'Your role in {organization} changed', 'Megváltozott a szerepköröd itt: {organization}', null),
  ('notifications', 'role_changed.body', '{actor} made you {role}', '{actor} módosította a szerepkörödet: {role}', null),
  ('notifications', 'role.owner', 'owner', 'tulajdonos', 'Eigentümer'),
  ('notifications', 'role.admin', 'admin', 'adminisztrátor', 'Administrator'),
  ('notifications', 'role.member', 'member', 'tag', 'Mitglied'),
  ('notifications', 'actor.unknown', 'Someone', 'Valaki', 'Jemand')
)
insert into platform.translations (locale, namespace, key, value, created_at, updated_at)
select t.locale, s.namespace, s.key, t.value, timestamptz '2026-01-01T00:00:00Z', timestamptz '2026-01-01T00:00:00Z'
from source s
cross join lateral (values ('en', s.en), ('hu', s.hu), ('de', s.de)) as t(locale, value)
where t.value is not null
on conflict (locale, namespace, key) do update set
  value = excluded.value,
  updated_at = excluded.updated_at;
