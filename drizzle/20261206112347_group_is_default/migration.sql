ALTER TABLE "auth"."groups" ADD COLUMN "is_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Databases seeded before this column: the seeded everyone group is the default one (seeds/rbac.sql says so too).
UPDATE "auth"."groups" SET "is_default" = true WHERE "key" = 'everyone';
