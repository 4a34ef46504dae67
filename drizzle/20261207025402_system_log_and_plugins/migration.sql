CREATE TYPE "platform"."system_log_level" AS ENUM('debug', 'info', 'warn', 'error');--> statement-breakpoint
CREATE TABLE "platform"."system_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"level" "platform"."system_log_level" NOT NULL,
	"source" text NOT NULL,
	"message" text NOT NULL,
	"context" jsonb DEFAULT '{}' NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."organization_plugins" (
	"organization_id" uuid,
	"plugin_id" uuid,
	"enabled_by" uuid,
	"enabled_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"settings" jsonb DEFAULT '{}' NOT NULL,
	CONSTRAINT "organization_plugins_pkey" PRIMARY KEY("organization_id","plugin_id"),
	CONSTRAINT "organization_plugins_settings_object" CHECK (jsonb_typeof("settings") = 'object')
);
--> statement-breakpoint
CREATE TABLE "platform"."plugins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "plugins_key" UNIQUE,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"version" text NOT NULL,
	"author" text,
	"homepage" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plugins_name_localized" CHECK (jsonb_typeof("name") = 'object'),
	CONSTRAINT "plugins_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object'))
);
--> statement-breakpoint
CREATE INDEX "system_logs_created_idx" ON "platform"."system_logs" ("created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "organization_plugins_plugin_idx" ON "platform"."organization_plugins" ("plugin_id");--> statement-breakpoint
CREATE INDEX "organization_plugins_organization_enabled_idx" ON "platform"."organization_plugins" ("organization_id","enabled_at","plugin_id");--> statement-breakpoint
ALTER TABLE "platform"."organization_plugins" ADD CONSTRAINT "organization_plugins_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."organization_plugins" ADD CONSTRAINT "organization_plugins_plugin_id_plugins_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "platform"."plugins"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."organization_plugins" ADD CONSTRAINT "organization_plugins_enabled_by_users_id_fkey" FOREIGN KEY ("enabled_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint

-- hand-written below

-- The system log is append-only: what the gateway recorded about a lockout or a revocation stays,
-- whoever holds a database connection (TRUNCATE, e.g. a seed reset, is a statement of its own and not refused).
CREATE OR REPLACE FUNCTION platform.system_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform.system_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege', TABLE = 'system_logs';
END;
$$;
--> statement-breakpoint

CREATE TRIGGER system_logs_append_only BEFORE UPDATE OR DELETE ON platform.system_logs
  FOR EACH ROW EXECUTE FUNCTION platform.system_logs_append_only();
--> statement-breakpoint

-- Plugin texts are held to the platform default locale like every localized column (drizzle/*_default_locale_from_table).
CREATE TRIGGER plugins_localized BEFORE INSERT OR UPDATE OF name, description ON platform.plugins
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('name', 'description');
