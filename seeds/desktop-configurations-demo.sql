-- Demo desktops. Every user has a configuration (created with the user, holding the defaults);
-- this fills a few that still hold exactly the defaults, so a re-run never undoes a change a user
-- made. carol pins `users`, an app her role does not open, and bob the retired `legacy-reports`:
-- both stay stored and are left out when read (DesktopConfiguration.pinnedApps).
insert into platform.desktop_configurations (user_id, layout, wallpaper, pinned_apps, theme_preset_id, created_at, updated_at)
select v.user_id::uuid, v.layout::jsonb, v.wallpaper::jsonb, v.pinned_apps::jsonb,
  (select p.id from platform.theme_presets p where p.key = v.theme_key),
  timestamptz '2026-01-03T09:00:00Z', timestamptz '2026-01-03T09:00:00Z'
from (values
  ('10000000-0000-4000-8000-000000000002', -- alice
   '{"taskbarPosition": "bottom", "iconSize": "medium", "showDesktopIcons": true}',
   '{"type": "color", "color": "#1e3a8a"}',
   '["chat", "files", "users", "activity-log"]', 'dark'),
  ('10000000-0000-4000-8000-000000000003', -- bob
   '{"taskbarPosition": "left", "taskbarAutoHide": true}',
   null,
   '["chat", "legacy-reports", "files"]', null),
  ('10000000-0000-4000-8000-000000000004', -- carol
   '{"iconSize": "large"}',
   '{"type": "image", "url": "https://images.example.com/wallpapers/alps.jpg", "fit": "cover"}',
   '["chat", "users", "settings"]', 'light'),
  ('10000000-0000-4000-8000-000000000007', -- hanna
   '{"taskbarPosition": "top", "iconSize": "small"}',
   '{"type": "color", "color": "#000000"}',
   '["notifications", "chat"]', 'high-contrast')
) as v(user_id, layout, wallpaper, pinned_apps, theme_key)
where exists (select 1 from auth.users u where u.id = v.user_id::uuid)
on conflict (user_id) do update set
  layout = excluded.layout,
  wallpaper = excluded.wallpaper,
  pinned_apps = excluded.pinned_apps,
  theme_preset_id = excluded.theme_preset_id,
  updated_at = excluded.updated_at
where platform.desktop_configurations.layout = '{}' and platform.desktop_configurations.wallpaper is null
  and platform.desktop_configurations.pinned_apps = '[]' and platform.desktop_configurations.theme_preset_id is null;
