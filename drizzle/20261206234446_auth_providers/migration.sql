CREATE TYPE "auth"."auth_provider_kind" AS ENUM('password', 'oidc');--> statement-breakpoint
CREATE TABLE "auth"."auth_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "auth_providers_key" UNIQUE,
	"kind" "auth"."auth_provider_kind" NOT NULL,
	"name" jsonb NOT NULL,
	"is_enabled" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"issuer_url" text,
	"client_id" text,
	"client_secret_encrypted" text,
	"has_client_secret" boolean GENERATED ALWAYS AS (client_secret_encrypted is not null) STORED,
	"scopes" text[] DEFAULT '{openid,email,profile}'::text[] NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_providers_name_localized" CHECK (jsonb_typeof("name") = 'object' and "name" ? 'en'),
	CONSTRAINT "auth_providers_kind_settings" CHECK (("kind" = 'oidc' and "issuer_url" is not null and "client_id" is not null) or ("kind" = 'password' and "issuer_url" is null and "client_id" is null and "client_secret_encrypted" is null))
);
--> statement-breakpoint
CREATE TABLE "auth"."provider_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"email" text,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "provider_links_provider_subject" ON "auth"."provider_links" ("provider_id","subject");--> statement-breakpoint
CREATE INDEX "provider_links_user_idx" ON "auth"."provider_links" ("user_id");--> statement-breakpoint
ALTER TABLE "auth"."provider_links" ADD CONSTRAINT "provider_links_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."provider_links" ADD CONSTRAINT "provider_links_provider_id_auth_providers_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "auth"."auth_providers"("id") ON DELETE RESTRICT;