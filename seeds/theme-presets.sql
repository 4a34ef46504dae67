-- Theme presets (base data): light (the default), dark and high contrast. A re-run renames them
-- only: tokens, order and which preset is the default are an administrator's to change
-- (updateThemePreset), and the seed never undoes that. light takes the default flag only where no
-- preset has it.
insert into platform.theme_presets (key, name, description, tokens, is_dark, is_default, sort_order, created_at, updated_at)
select v.key, v.name::jsonb, v.description::jsonb, v.tokens::jsonb, v.is_dark,
  v.key = 'light' and not exists (select 1 from platform.theme_presets p where p.is_default),
  v.sort_order, timestamptz '2026-01-01T00:00:00Z', timestamptz '2026-01-01T00:00:00Z'
from (values
  ('light',
   '{"en": "Light", "hu": "Világos", "de": "Hell"}',
   '{"en": "Dark text on light surfaces", "hu": "Sötét szöveg világos felületen", "de": "Dunkler Text auf hellen Flächen"}',
   '{"background": "#f8fafc", "surface": "#ffffff", "foreground": "#0f172a", "muted": "#64748b", "primary": "#2563eb", "accent": "#7c3aed", "border": "#e2e8f0"}',
   false, 10),
  ('dark',
   '{"en": "Dark", "hu": "Sötét", "de": "Dunkel"}',
   '{"en": "Light text on dark surfaces, easy on the eyes at night", "hu": "Világos szöveg sötét felületen, éjjel kíméli a szemet", "de": "Heller Text auf dunklen Flächen"}',
   '{"background": "#0f172a", "surface": "#1e293b", "foreground": "#f1f5f9", "muted": "#94a3b8", "primary": "#60a5fa", "accent": "#a78bfa", "border": "#334155"}',
   true, 20),
  ('high-contrast',
   '{"en": "High contrast", "hu": "Nagy kontraszt", "de": "Hoher Kontrast"}',
   '{"en": "Maximum contrast for low vision", "hu": "A lehető legnagyobb kontraszt gyengénlátóknak", "de": "Maximaler Kontrast bei Sehschwäche"}',
   '{"background": "#000000", "surface": "#000000", "foreground": "#ffffff", "muted": "#ffff00", "primary": "#00ffff", "accent": "#ffff00", "border": "#ffffff"}',
   true, 30)
) as v(key, name, description, tokens, is_dark, sort_order)
on conflict (key) do update set name = excluded.name, description = excluded.description;
