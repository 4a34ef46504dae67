CREATE TABLE "auth"."password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL CONSTRAINT "password_reset_tokens_token_hash" UNIQUE,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"used_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"locale" varchar(16),
	"params" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp(3) with time zone,
	"expires_at" timestamp(3) with time zone,
	"last_error" text,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp(3) with time zone,
	CONSTRAINT "mail_outbox_status" CHECK ("status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "auth"."users" ADD COLUMN "deactivated_at" timestamp(3) with time zone;--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "auth"."password_reset_tokens" ("user_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "platform"."mail_outbox" ("next_attempt_at") WHERE "status" = 'pending';--> statement-breakpoint
ALTER TABLE "auth"."password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE;--> statement-breakpoint
-- hand-written below
-- Credential invalidation (drizzle/*_credential_invalidation) also hears deactivation: the user's
-- cached sessions are forgotten, and so are the bots they created (a bot of a deactivated person
-- stops working, src/auth/authenticate.ts), whose cache entries are keyed by the bot's machine user.
CREATE OR REPLACE FUNCTION auth.user_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM auth.credentials_changed(OLD.id);
  IF TG_OP = 'DELETE' OR NEW.deactivated_at IS DISTINCT FROM OLD.deactivated_at THEN
    PERFORM auth.credentials_changed(b.user_id) FROM chat.bots b WHERE b.created_by = OLD.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER users_credentials_update ON auth.users;
--> statement-breakpoint
CREATE TRIGGER users_credentials_update AFTER UPDATE OF deleted_at, deactivated_at, user_type, locale ON auth.users
  FOR EACH ROW
  WHEN ((OLD.deleted_at, OLD.deactivated_at, OLD.user_type, OLD.locale) IS DISTINCT FROM (NEW.deleted_at, NEW.deactivated_at, NEW.user_type, NEW.locale))
  EXECUTE FUNCTION auth.user_credentials_changed();
