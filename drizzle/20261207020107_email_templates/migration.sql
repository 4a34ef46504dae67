CREATE TABLE "platform"."email_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"key" text NOT NULL CONSTRAINT "email_templates_key" UNIQUE,
	"subject" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"body_html" jsonb,
	"is_system" boolean DEFAULT true NOT NULL,
	"customized_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_templates_subject_localized" CHECK (jsonb_typeof("subject") = 'object'),
	CONSTRAINT "email_templates_body_localized" CHECK (jsonb_typeof("body") = 'object'),
	CONSTRAINT "email_templates_body_html_localized" CHECK ("body_html" is null or (jsonb_typeof("body_html") = 'object'))
);
--> statement-breakpoint

-- hand-written below

-- Email template texts are held to the platform default locale like every localized column.
CREATE TRIGGER email_templates_localized BEFORE INSERT OR UPDATE OF subject, body, body_html ON platform.email_templates
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('subject', 'body', 'body_html');
