-- Email templates (base data): the texts of the mails the gateway sends, en and hu (de as well).
-- The keys and their {{placeholders}} are declared in src/mail/template-catalog.ts, whose built-in
-- texts are these same ones (a test holds them equal). A re-run updates a template's texts only
-- while no administrator has edited them (customized_at is null): an edit is never undone.
insert into platform.email_templates (key, subject, body, body_html, is_system, created_at, updated_at) values
  ('password_reset',
   '{"en": "Reset your password", "hu": "Jelszó visszaállítása", "de": "Passwort zurücksetzen"}',
   '{"en": "Someone asked to reset the password of this account. To choose a new password, open this link within {{expiresInMinutes}} minutes:\n\n{{resetUrl}}\n\nIf it was not you, ignore this mail: your password stays as it is.",
     "hu": "Valaki a fiók jelszavának visszaállítását kérte. Új jelszó megadásához nyissa meg ezt a hivatkozást {{expiresInMinutes}} percen belül:\n\n{{resetUrl}}\n\nHa nem Ön volt, hagyja figyelmen kívül ezt a levelet: a jelszava nem változik.",
     "de": "Jemand hat das Zurücksetzen des Passworts dieses Kontos angefordert. Um ein neues Passwort zu wählen, öffnen Sie diesen Link innerhalb von {{expiresInMinutes}} Minuten:\n\n{{resetUrl}}\n\nWaren Sie es nicht, ignorieren Sie diese Mail: Ihr Passwort bleibt unverändert."}',
   null, true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
on conflict (key) do update set subject = excluded.subject, body = excluded.body, body_html = excluded.body_html, is_system = excluded.is_system
  where platform.email_templates.customized_at is null;
