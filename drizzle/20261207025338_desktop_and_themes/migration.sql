CREATE TABLE "platform"."desktop_configurations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL CONSTRAINT "desktop_configurations_user" UNIQUE,
	"layout" jsonb DEFAULT '{}' NOT NULL,
	"wallpaper" jsonb,
	"pinned_apps" jsonb DEFAULT '[]' NOT NULL,
	"theme_preset_id" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desktop_configurations_layout_object" CHECK (jsonb_typeof("layout") = 'object' and octet_length("layout"::text) <= 8192),
	CONSTRAINT "desktop_configurations_wallpaper_object" CHECK ("wallpaper" is null or (jsonb_typeof("wallpaper") = 'object' and "wallpaper" ? 'type')),
	CONSTRAINT "desktop_configurations_pinned_apps_keys" CHECK (jsonb_typeof("pinned_apps") = 'array' and jsonb_array_length("pinned_apps") <= 50 and not jsonb_path_exists("pinned_apps", '$[*] ? (@.type() != "string")'))
);
--> statement-breakpoint
CREATE TABLE "platform"."theme_presets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "theme_presets_key" UNIQUE,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"tokens" jsonb DEFAULT '{}' NOT NULL,
	"is_dark" boolean DEFAULT false NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theme_presets_name_localized" CHECK (jsonb_typeof("name") = 'object'),
	CONSTRAINT "theme_presets_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object')),
	CONSTRAINT "theme_presets_tokens_object" CHECK (jsonb_typeof("tokens") = 'object')
);
--> statement-breakpoint
CREATE INDEX "desktop_configurations_theme_idx" ON "platform"."desktop_configurations" ("theme_preset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "theme_presets_one_default" ON "platform"."theme_presets" ("is_default") WHERE "is_default";--> statement-breakpoint
CREATE INDEX "theme_presets_sort_idx" ON "platform"."theme_presets" ("sort_order","id");--> statement-breakpoint
ALTER TABLE "platform"."desktop_configurations" ADD CONSTRAINT "desktop_configurations_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."desktop_configurations" ADD CONSTRAINT "desktop_configurations_theme_preset_id_theme_presets_id_fkey" FOREIGN KEY ("theme_preset_id") REFERENCES "platform"."theme_presets"("id") ON DELETE SET NULL;--> statement-breakpoint

-- hand-written below

-- Theme names and descriptions are held to the default locale like every localized column.
CREATE TRIGGER theme_presets_localized BEFORE INSERT OR UPDATE OF name, description ON platform.theme_presets
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('name', 'description');
--> statement-breakpoint

-- Every user has a desktop configuration, holding the defaults until they change it (column
-- defaults: empty layout, no wallpaper, no pins, the default theme), so reads (engine and
-- compiled alike) find one row per user and never need a second notion of "the defaults".
CREATE OR REPLACE FUNCTION platform.desktop_configuration_for_new_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO platform.desktop_configurations (user_id) VALUES (NEW.id) ON CONFLICT (user_id) DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_desktop_configuration AFTER INSERT ON auth.users
  FOR EACH ROW EXECUTE FUNCTION platform.desktop_configuration_for_new_user();
--> statement-breakpoint
INSERT INTO platform.desktop_configurations (user_id) SELECT id FROM auth.users ON CONFLICT (user_id) DO NOTHING;
