CREATE SCHEMA "auth";
--> statement-breakpoint
CREATE SCHEMA "platform";
--> statement-breakpoint
CREATE SCHEMA "chat";
--> statement-breakpoint
CREATE TYPE "auth"."user_type" AS ENUM('human', 'machine');--> statement-breakpoint
CREATE TYPE "platform"."file_scope" AS ENUM('user', 'organization', 'shared');--> statement-breakpoint
CREATE TYPE "platform"."file_status" AS ENUM('pending', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "chat"."channel_type" AS ENUM('public', 'private', 'direct', 'thread');--> statement-breakpoint
CREATE TYPE "chat"."organization_role" AS ENUM('owner', 'admin', 'member');--> statement-breakpoint
CREATE TABLE "auth"."accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL,
	"provider" text DEFAULT 'password' NOT NULL,
	"password_hash" text,
	"failed_login_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp(3) with time zone,
	"last_login_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL CONSTRAINT "sessions_token_hash" UNIQUE,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"revoked_at" timestamp(3) with time zone,
	"ip_address" inet,
	"user_agent" text,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"avatar_url" text,
	"user_type" "auth"."user_type" DEFAULT 'human'::"auth"."user_type" NOT NULL,
	"locale" varchar(16),
	"timezone" text,
	"settings" jsonb DEFAULT '{}' NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "auth"."group_permissions" (
	"group_id" uuid,
	"permission_id" uuid,
	"granted_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_permissions_pkey" PRIMARY KEY("group_id","permission_id")
);
--> statement-breakpoint
CREATE TABLE "auth"."groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "groups_key" UNIQUE,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"is_system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_name_localized" CHECK (jsonb_typeof("name") = 'object' and "name" ? 'en'),
	CONSTRAINT "groups_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object' and "description" ? 'en'))
);
--> statement-breakpoint
CREATE TABLE "auth"."permissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "permissions_key" UNIQUE,
	"resource_id" uuid NOT NULL,
	"action" text NOT NULL,
	"description" jsonb,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permissions_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object' and "description" ? 'en'))
);
--> statement-breakpoint
CREATE TABLE "auth"."resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "resources_key" UNIQUE,
	"description" jsonb,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object' and "description" ? 'en'))
);
--> statement-breakpoint
CREATE TABLE "auth"."role_permissions" (
	"role_id" uuid,
	"permission_id" uuid,
	"granted_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_permissions_pkey" PRIMARY KEY("role_id","permission_id")
);
--> statement-breakpoint
CREATE TABLE "auth"."roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "roles_key" UNIQUE,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"is_system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roles_name_localized" CHECK (jsonb_typeof("name") = 'object' and "name" ? 'en'),
	CONSTRAINT "roles_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object' and "description" ? 'en'))
);
--> statement-breakpoint
CREATE TABLE "auth"."user_groups" (
	"user_id" uuid,
	"group_id" uuid,
	"granted_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_groups_pkey" PRIMARY KEY("user_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "auth"."user_roles" (
	"user_id" uuid,
	"role_id" uuid,
	"granted_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_pkey" PRIMARY KEY("user_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "platform"."locales" (
	"code" varchar(16) PRIMARY KEY,
	"name" text NOT NULL,
	"native_name" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"locale" varchar(16) NOT NULL,
	"namespace" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translations_locale_namespace_key" UNIQUE("locale","namespace","key")
);
--> statement-breakpoint
CREATE TABLE "platform"."apps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "apps_key" UNIQUE,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"category" text DEFAULT 'general' NOT NULL,
	"icon" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"window" jsonb DEFAULT '{}' NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apps_name_localized" CHECK (jsonb_typeof("name") = 'object' and "name" ? 'en'),
	CONSTRAINT "apps_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object' and "description" ? 'en'))
);
--> statement-breakpoint
CREATE TABLE "platform"."group_app_access" (
	"group_id" uuid,
	"app_id" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_app_access_pkey" PRIMARY KEY("group_id","app_id")
);
--> statement-breakpoint
CREATE TABLE "platform"."role_app_access" (
	"role_id" uuid,
	"app_id" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_app_access_pkey" PRIMARY KEY("role_id","app_id")
);
--> statement-breakpoint
CREATE TABLE "platform"."notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL,
	"organization_id" uuid,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb,
	"resource_type" text,
	"resource_id" uuid,
	"data" jsonb DEFAULT '{}' NOT NULL,
	"read_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_title_localized" CHECK (jsonb_typeof("title") = 'object' and "title" ? 'en'),
	CONSTRAINT "notifications_body_localized" CHECK ("body" is null or (jsonb_typeof("body") = 'object' and "body" ? 'en'))
);
--> statement-breakpoint
CREATE TABLE "platform"."files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"owner_id" uuid NOT NULL,
	"organization_id" uuid,
	"channel_id" uuid,
	"message_id" uuid,
	"scope" "platform"."file_scope" DEFAULT 'user'::"platform"."file_scope" NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"storage_key" text NOT NULL CONSTRAINT "files_storage_key" UNIQUE,
	"status" "platform"."file_status" DEFAULT 'pending'::"platform"."file_status" NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "platform"."audit_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"actor_id" uuid,
	"organization_id" uuid,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid,
	"old_values" jsonb,
	"new_values" jsonb,
	"ip" inet,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat"."organization_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "chat"."organization_role" DEFAULT 'member'::"chat"."organization_role" NOT NULL,
	"nickname" text,
	"invited_by" uuid,
	"joined_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "chat"."organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"logo_url" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"default_locale" varchar(16) DEFAULT 'en' NOT NULL,
	"settings" jsonb DEFAULT '{}' NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "chat"."channel_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat"."channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"organization_id" uuid NOT NULL,
	"type" "chat"."channel_type" DEFAULT 'public'::"chat"."channel_type" NOT NULL,
	"name" text NOT NULL,
	"topic" text,
	"parent_channel_id" uuid,
	"section_id" uuid,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "chat"."message_reactions" (
	"message_id" uuid,
	"user_id" uuid,
	"emoji" varchar(64),
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_reactions_pkey" PRIMARY KEY("message_id","user_id","emoji")
);
--> statement-breakpoint
CREATE TABLE "chat"."messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"channel_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"content" text NOT NULL,
	"embeds" jsonb DEFAULT '[]' NOT NULL,
	"reply_to_message_id" uuid,
	"thread_channel_id" uuid,
	"pinned_at" timestamp(3) with time zone,
	"pinned_by" uuid,
	"edited_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "chat"."channel_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"channel_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"is_muted" boolean DEFAULT false NOT NULL,
	"is_hidden" boolean DEFAULT false NOT NULL,
	"is_favorite" boolean DEFAULT false NOT NULL,
	"last_read_message_id" uuid,
	"joined_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "chat"."bots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL CONSTRAINT "bots_user" UNIQUE,
	"created_by" uuid,
	"name" text NOT NULL,
	"description" jsonb,
	"token_hash" text NOT NULL CONSTRAINT "bots_token_hash" UNIQUE,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	CONSTRAINT "bots_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object' and "description" ? 'en'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_user_provider" ON "auth"."accounts" ("user_id","provider");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "auth"."sessions" ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_live" ON "auth"."users" (lower("email")) WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "users_locale_idx" ON "auth"."users" ("locale");--> statement-breakpoint
CREATE INDEX "users_display_name_idx" ON "auth"."users" ("display_name","id");--> statement-breakpoint
CREATE INDEX "group_permissions_permission_idx" ON "auth"."group_permissions" ("permission_id");--> statement-breakpoint
CREATE INDEX "group_permissions_granted_by_idx" ON "auth"."group_permissions" ("granted_by");--> statement-breakpoint
CREATE INDEX "permissions_resource_idx" ON "auth"."permissions" ("resource_id");--> statement-breakpoint
CREATE INDEX "role_permissions_permission_idx" ON "auth"."role_permissions" ("permission_id");--> statement-breakpoint
CREATE INDEX "role_permissions_granted_by_idx" ON "auth"."role_permissions" ("granted_by");--> statement-breakpoint
CREATE INDEX "user_groups_group_idx" ON "auth"."user_groups" ("group_id");--> statement-breakpoint
CREATE INDEX "user_groups_granted_by_idx" ON "auth"."user_groups" ("granted_by");--> statement-breakpoint
CREATE INDEX "user_roles_role_idx" ON "auth"."user_roles" ("role_id");--> statement-breakpoint
CREATE INDEX "user_roles_granted_by_idx" ON "auth"."user_roles" ("granted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "locales_one_default" ON "platform"."locales" ("is_default") WHERE "is_default";--> statement-breakpoint
CREATE INDEX "translations_namespace_key_idx" ON "platform"."translations" ("namespace","key");--> statement-breakpoint
CREATE INDEX "apps_sort_idx" ON "platform"."apps" ("sort_order","id");--> statement-breakpoint
CREATE INDEX "group_app_access_app_idx" ON "platform"."group_app_access" ("app_id");--> statement-breakpoint
CREATE INDEX "role_app_access_app_idx" ON "platform"."role_app_access" ("app_id");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "platform"."notifications" ("user_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "notifications_organization_idx" ON "platform"."notifications" ("organization_id");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "platform"."files" ("owner_id");--> statement-breakpoint
CREATE INDEX "files_organization_idx" ON "platform"."files" ("organization_id");--> statement-breakpoint
CREATE INDEX "files_channel_idx" ON "platform"."files" ("channel_id");--> statement-breakpoint
CREATE INDEX "files_message_idx" ON "platform"."files" ("message_id");--> statement-breakpoint
CREATE INDEX "audit_logs_actor_idx" ON "platform"."audit_logs" ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_logs_organization_created_idx" ON "platform"."audit_logs" ("organization_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "audit_logs_created_idx" ON "platform"."audit_logs" ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_members_live" ON "chat"."organization_members" ("organization_id","user_id") WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "organization_members_user_idx" ON "chat"."organization_members" ("user_id");--> statement-breakpoint
CREATE INDEX "organization_members_invited_by_idx" ON "chat"."organization_members" ("invited_by");--> statement-breakpoint
CREATE INDEX "organization_members_org_joined_idx" ON "chat"."organization_members" ("organization_id","joined_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_live" ON "chat"."organizations" ("slug") WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "organizations_default_locale_idx" ON "chat"."organizations" ("default_locale");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "chat"."organizations" ("name","id");--> statement-breakpoint
CREATE INDEX "channel_sections_org_position_idx" ON "chat"."channel_sections" ("organization_id","position","id");--> statement-breakpoint
CREATE INDEX "channels_org_name_idx" ON "chat"."channels" ("organization_id","name","id") WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "channels_parent_idx" ON "chat"."channels" ("parent_channel_id");--> statement-breakpoint
CREATE INDEX "channels_section_idx" ON "chat"."channels" ("section_id");--> statement-breakpoint
CREATE INDEX "channels_created_by_idx" ON "chat"."channels" ("created_by");--> statement-breakpoint
CREATE INDEX "message_reactions_user_idx" ON "chat"."message_reactions" ("user_id");--> statement-breakpoint
CREATE INDEX "messages_channel_created_idx" ON "chat"."messages" ("channel_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "messages_author_idx" ON "chat"."messages" ("author_id");--> statement-breakpoint
CREATE INDEX "messages_reply_to_idx" ON "chat"."messages" ("reply_to_message_id");--> statement-breakpoint
CREATE INDEX "messages_thread_channel_idx" ON "chat"."messages" ("thread_channel_id");--> statement-breakpoint
CREATE INDEX "messages_pinned_by_idx" ON "chat"."messages" ("pinned_by");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_members_live" ON "chat"."channel_members" ("channel_id","user_id") WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "channel_members_user_idx" ON "chat"."channel_members" ("user_id");--> statement-breakpoint
CREATE INDEX "channel_members_last_read_idx" ON "chat"."channel_members" ("last_read_message_id");--> statement-breakpoint
CREATE INDEX "channel_members_channel_joined_idx" ON "chat"."channel_members" ("channel_id","joined_at","id");--> statement-breakpoint
CREATE INDEX "bots_created_by_idx" ON "chat"."bots" ("created_by");--> statement-breakpoint
ALTER TABLE "auth"."accounts" ADD CONSTRAINT "accounts_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."users" ADD CONSTRAINT "users_locale_locales_code_fkey" FOREIGN KEY ("locale") REFERENCES "platform"."locales"("code") ON UPDATE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."group_permissions" ADD CONSTRAINT "group_permissions_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "auth"."groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."group_permissions" ADD CONSTRAINT "group_permissions_permission_id_permissions_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "auth"."permissions"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."group_permissions" ADD CONSTRAINT "group_permissions_granted_by_users_id_fkey" FOREIGN KEY ("granted_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "auth"."permissions" ADD CONSTRAINT "permissions_resource_id_resources_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "auth"."resources"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."role_permissions" ADD CONSTRAINT "role_permissions_role_id_roles_id_fkey" FOREIGN KEY ("role_id") REFERENCES "auth"."roles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."role_permissions" ADD CONSTRAINT "role_permissions_permission_id_permissions_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "auth"."permissions"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."role_permissions" ADD CONSTRAINT "role_permissions_granted_by_users_id_fkey" FOREIGN KEY ("granted_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "auth"."user_groups" ADD CONSTRAINT "user_groups_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."user_groups" ADD CONSTRAINT "user_groups_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "auth"."groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."user_groups" ADD CONSTRAINT "user_groups_granted_by_users_id_fkey" FOREIGN KEY ("granted_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "auth"."user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."user_roles" ADD CONSTRAINT "user_roles_role_id_roles_id_fkey" FOREIGN KEY ("role_id") REFERENCES "auth"."roles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "auth"."user_roles" ADD CONSTRAINT "user_roles_granted_by_users_id_fkey" FOREIGN KEY ("granted_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "platform"."translations" ADD CONSTRAINT "translations_locale_locales_code_fkey" FOREIGN KEY ("locale") REFERENCES "platform"."locales"("code") ON UPDATE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."group_app_access" ADD CONSTRAINT "group_app_access_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "auth"."groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."group_app_access" ADD CONSTRAINT "group_app_access_app_id_apps_id_fkey" FOREIGN KEY ("app_id") REFERENCES "platform"."apps"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."role_app_access" ADD CONSTRAINT "role_app_access_role_id_roles_id_fkey" FOREIGN KEY ("role_id") REFERENCES "auth"."roles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."role_app_access" ADD CONSTRAINT "role_app_access_app_id_apps_id_fkey" FOREIGN KEY ("app_id") REFERENCES "platform"."apps"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."notifications" ADD CONSTRAINT "notifications_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."notifications" ADD CONSTRAINT "notifications_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."files" ADD CONSTRAINT "files_owner_id_users_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."files" ADD CONSTRAINT "files_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."files" ADD CONSTRAINT "files_channel_id_channels_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "chat"."channels"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "platform"."files" ADD CONSTRAINT "files_message_id_messages_id_fkey" FOREIGN KEY ("message_id") REFERENCES "chat"."messages"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "platform"."audit_logs" ADD CONSTRAINT "audit_logs_actor_id_users_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "platform"."audit_logs" ADD CONSTRAINT "audit_logs_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."organization_members" ADD CONSTRAINT "organization_members_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."organization_members" ADD CONSTRAINT "organization_members_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."organization_members" ADD CONSTRAINT "organization_members_invited_by_users_id_fkey" FOREIGN KEY ("invited_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."organizations" ADD CONSTRAINT "organizations_default_locale_locales_code_fkey" FOREIGN KEY ("default_locale") REFERENCES "platform"."locales"("code") ON UPDATE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."channel_sections" ADD CONSTRAINT "channel_sections_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."channels" ADD CONSTRAINT "channels_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "chat"."organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."channels" ADD CONSTRAINT "channels_parent_channel_id_channels_id_fkey" FOREIGN KEY ("parent_channel_id") REFERENCES "chat"."channels"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."channels" ADD CONSTRAINT "channels_section_id_channel_sections_id_fkey" FOREIGN KEY ("section_id") REFERENCES "chat"."channel_sections"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."channels" ADD CONSTRAINT "channels_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."message_reactions" ADD CONSTRAINT "message_reactions_message_id_messages_id_fkey" FOREIGN KEY ("message_id") REFERENCES "chat"."messages"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."message_reactions" ADD CONSTRAINT "message_reactions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD CONSTRAINT "messages_channel_id_channels_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "chat"."channels"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD CONSTRAINT "messages_author_id_users_id_fkey" FOREIGN KEY ("author_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD CONSTRAINT "messages_reply_to_message_id_messages_id_fkey" FOREIGN KEY ("reply_to_message_id") REFERENCES "chat"."messages"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD CONSTRAINT "messages_thread_channel_id_channels_id_fkey" FOREIGN KEY ("thread_channel_id") REFERENCES "chat"."channels"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD CONSTRAINT "messages_pinned_by_users_id_fkey" FOREIGN KEY ("pinned_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."channel_members" ADD CONSTRAINT "channel_members_channel_id_channels_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "chat"."channels"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."channel_members" ADD CONSTRAINT "channel_members_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."channel_members" ADD CONSTRAINT "channel_members_last_read_message_id_messages_id_fkey" FOREIGN KEY ("last_read_message_id") REFERENCES "chat"."messages"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "chat"."bots" ADD CONSTRAINT "bots_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "chat"."bots" ADD CONSTRAINT "bots_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;