DROP INDEX "chat"."messages_channel_created_idx";--> statement-breakpoint
CREATE INDEX "messages_channel_created_idx" ON "chat"."messages" ("channel_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "channels_name_idx" ON "chat"."channels" ("name","id") WHERE "deleted_at" is null;