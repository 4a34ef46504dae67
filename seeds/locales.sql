-- Locales: en is the default of a new platform; de is deliberately only partly translated
-- elsewhere, to show the fallback to the default.

-- The default is run-time data (setDefaultLocale): en takes the flag only where no locale has it
-- yet, so a re-run never hands it back from a platform that chose another one.
insert into platform.locales (code, name, native_name, is_active, is_default) values
  ('en', 'English', 'English', true, not exists (select 1 from platform.locales where is_default)),
  ('hu', 'Hungarian', 'Magyar', true, false),
  ('de', 'German', 'Deutsch', true, false)
on conflict (code) do update set
  name = excluded.name,
  native_name = excluded.native_name,
  -- The default stays active (the database refuses an inactive default).
  is_active = excluded.is_active or platform.locales.is_default;
