-- Locales: en is the platform default (every localized JSONB column must hold it); de is
-- deliberately only partly translated elsewhere, to show the fallback to en.

-- Only one default is allowed: hand the flag back to en before the upsert below claims it.
update platform.locales set is_default = false where is_default and code <> 'en';

insert into platform.locales (code, name, native_name, is_active, is_default) values
  ('en', 'English', 'English', true, true),
  ('hu', 'Hungarian', 'Magyar', true, false),
  ('de', 'German', 'Deutsch', true, false)
on conflict (code) do update set
  name = excluded.name,
  native_name = excluded.native_name,
  is_active = excluded.is_active,
  is_default = excluded.is_default;
