DROP INDEX "platform"."files_message_idx";--> statement-breakpoint
DROP INDEX "platform"."audit_logs_actor_idx";--> statement-breakpoint
DROP INDEX "chat"."organization_members_user_idx";--> statement-breakpoint
DROP INDEX "chat"."channels_parent_idx";--> statement-breakpoint
DROP INDEX "chat"."channels_section_idx";--> statement-breakpoint
DROP INDEX "chat"."messages_author_idx";--> statement-breakpoint
DROP INDEX "chat"."messages_reply_to_idx";--> statement-breakpoint
DROP INDEX "chat"."channel_members_user_idx";--> statement-breakpoint
DROP INDEX "platform"."notifications_user_created_idx";--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "platform"."notifications" ("user_id","created_at" DESC,"id" DESC);--> statement-breakpoint
DROP INDEX "platform"."audit_logs_organization_created_idx";--> statement-breakpoint
CREATE INDEX "audit_logs_organization_created_idx" ON "platform"."audit_logs" ("organization_id","created_at" DESC,"id" DESC);--> statement-breakpoint
DROP INDEX "platform"."audit_logs_created_idx";--> statement-breakpoint
CREATE INDEX "audit_logs_created_idx" ON "platform"."audit_logs" ("created_at" DESC,"id" DESC);--> statement-breakpoint
DROP INDEX "chat"."messages_channel_created_idx";--> statement-breakpoint
CREATE INDEX "messages_channel_created_idx" ON "chat"."messages" ("channel_id","created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "users_display_name_trgm_idx" ON "auth"."users" USING gin ("display_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_first_name_trgm_idx" ON "auth"."users" USING gin ("first_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_last_name_trgm_idx" ON "auth"."users" USING gin ("last_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_email_trgm_idx" ON "auth"."users" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "files_message_created_idx" ON "platform"."files" ("message_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_logs_actor_created_idx" ON "platform"."audit_logs" ("actor_id","created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "organization_members_user_joined_idx" ON "chat"."organization_members" ("user_id","joined_at","id");--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "chat"."organizations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "channels_parent_created_idx" ON "chat"."channels" ("parent_channel_id","created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "channels_section_name_idx" ON "chat"."channels" ("section_id","name","id");--> statement-breakpoint
CREATE INDEX "channels_name_trgm_idx" ON "chat"."channels" USING gin ("name" gin_trgm_ops) WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "message_reactions_message_created_idx" ON "chat"."message_reactions" ("message_id","created_at","user_id","emoji");--> statement-breakpoint
CREATE INDEX "messages_author_created_idx" ON "chat"."messages" ("author_id","created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "messages_reply_to_created_idx" ON "chat"."messages" ("reply_to_message_id","created_at","id");--> statement-breakpoint
CREATE INDEX "messages_channel_pinned_idx" ON "chat"."messages" ("channel_id","pinned_at" DESC,"id" DESC) WHERE "pinned_at" is not null and "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "messages_content_trgm_idx" ON "chat"."messages" USING gin ("content" gin_trgm_ops) WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX "channel_members_user_joined_idx" ON "chat"."channel_members" ("user_id","joined_at","id");