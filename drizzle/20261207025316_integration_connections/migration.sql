CREATE TYPE "chat"."integration_status" AS ENUM('active', 'paused', 'error', 'revoked');--> statement-breakpoint
CREATE TABLE "chat"."integration_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"organization_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"status" "chat"."integration_status" DEFAULT 'active'::"chat"."integration_status" NOT NULL,
	"settings" jsonb DEFAULT '{}' NOT NULL,
	"credentials_encrypted" text,
	"has_credentials" boolean GENERATED ALWAYS AS (credentials_encrypted is not null) STORED,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_connections_provider_key" CHECK ("provider" ~ '^[a-z][a-z0-9]*([._-][a-z0-9]+)*$' and length("provider") <= 40),
	CONSTRAINT "integration_connections_settings_object" CHECK (jsonb_typeof("settings") = 'object')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "integration_connections_org_provider_name" ON "chat"."integration_connections" ("organization_id","provider","name");--> statement-breakpoint
CREATE INDEX "integration_connections_created_by_idx" ON "chat"."integration_connections" ("created_by");--> statement-breakpoint
ALTER TABLE "chat"."integration_connections" ADD CONSTRAINT "integration_connections_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."integration_connections" ADD CONSTRAINT "integration_connections_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;