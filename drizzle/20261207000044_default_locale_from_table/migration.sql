ALTER TABLE "auth"."groups" DROP CONSTRAINT "groups_name_localized", ADD CONSTRAINT "groups_name_localized" CHECK (jsonb_typeof("name") = 'object');--> statement-breakpoint
ALTER TABLE "auth"."groups" DROP CONSTRAINT "groups_description_localized", ADD CONSTRAINT "groups_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object'));--> statement-breakpoint
ALTER TABLE "auth"."permissions" DROP CONSTRAINT "permissions_description_localized", ADD CONSTRAINT "permissions_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object'));--> statement-breakpoint
ALTER TABLE "auth"."resources" DROP CONSTRAINT "resources_description_localized", ADD CONSTRAINT "resources_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object'));--> statement-breakpoint
ALTER TABLE "auth"."roles" DROP CONSTRAINT "roles_name_localized", ADD CONSTRAINT "roles_name_localized" CHECK (jsonb_typeof("name") = 'object');--> statement-breakpoint
ALTER TABLE "auth"."roles" DROP CONSTRAINT "roles_description_localized", ADD CONSTRAINT "roles_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object'));--> statement-breakpoint
ALTER TABLE "auth"."auth_providers" DROP CONSTRAINT "auth_providers_name_localized", ADD CONSTRAINT "auth_providers_name_localized" CHECK (jsonb_typeof("name") = 'object');--> statement-breakpoint
ALTER TABLE "platform"."apps" DROP CONSTRAINT "apps_name_localized", ADD CONSTRAINT "apps_name_localized" CHECK (jsonb_typeof("name") = 'object');--> statement-breakpoint
ALTER TABLE "platform"."apps" DROP CONSTRAINT "apps_description_localized", ADD CONSTRAINT "apps_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object'));--> statement-breakpoint
ALTER TABLE "platform"."notifications" DROP CONSTRAINT "notifications_title_localized", ADD CONSTRAINT "notifications_title_localized" CHECK (jsonb_typeof("title") = 'object');--> statement-breakpoint
ALTER TABLE "platform"."notifications" DROP CONSTRAINT "notifications_body_localized", ADD CONSTRAINT "notifications_body_localized" CHECK ("body" is null or (jsonb_typeof("body") = 'object'));--> statement-breakpoint
ALTER TABLE "chat"."bots" DROP CONSTRAINT "bots_description_localized", ADD CONSTRAINT "bots_description_localized" CHECK ("description" is null or (jsonb_typeof("description") = 'object'));--> statement-breakpoint

-- hand-written below

-- The platform default locale is data: the one platform.locales row flagged is_default (the
-- partial unique index locales_one_default keeps it to one). The CHECKs above used to name 'en',
-- so a deployment defaulting to another language needed a migration; a CHECK cannot read a
-- table, so a localized column's "has a text in the default locale" is now a BEFORE trigger that
-- reads the row. Triggers, not a check in the gateway's write path, so bulk SQL (seeds, psql,
-- scripts, the notification triggers) is held to it exactly like a mutation. A switch of the
-- default is refused while any guarded row lacks a text in the new default (trigger on locales).

-- A localized value has a text in `locale`: a non-empty string (what resolution calls a text, src/i18n/locale.ts textIn).
CREATE OR REPLACE FUNCTION platform.has_text(value jsonb, locale text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_typeof(value -> locale) = 'string' AND value ->> locale <> '', false)
$$;
--> statement-breakpoint

-- Row guard of the localized columns named in the trigger's arguments. Volatile on purpose: its
-- query takes a fresh snapshot, so a writer that waited for a default switch sees the new default.
-- No default row (an empty, unseeded database): only the CHECKs' shape applies.
CREATE OR REPLACE FUNCTION platform.localized_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  default_code text;
  row_values jsonb := to_jsonb(NEW);
  field text;
BEGIN
  SELECT code INTO default_code FROM platform.locales WHERE is_default;
  IF default_code IS NULL THEN
    RETURN NEW;
  END IF;
  FOREACH field IN ARRAY TG_ARGV LOOP
    IF jsonb_typeof(row_values -> field) = 'object' AND NOT platform.has_text(row_values -> field, default_code) THEN
      RAISE EXCEPTION '%.% needs a text in the default locale "%"', TG_TABLE_NAME, field, default_code
        USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, COLUMN = field, SCHEMA = TG_TABLE_SCHEMA;
    END IF;
  END LOOP;
  RETURN NEW;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER roles_localized BEFORE INSERT OR UPDATE OF name, description ON auth.roles
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('name', 'description');
--> statement-breakpoint
CREATE TRIGGER groups_localized BEFORE INSERT OR UPDATE OF name, description ON auth.groups
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('name', 'description');
--> statement-breakpoint
CREATE TRIGGER resources_localized BEFORE INSERT OR UPDATE OF description ON auth.resources
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('description');
--> statement-breakpoint
CREATE TRIGGER permissions_localized BEFORE INSERT OR UPDATE OF description ON auth.permissions
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('description');
--> statement-breakpoint
CREATE TRIGGER apps_localized BEFORE INSERT OR UPDATE OF name, description ON platform.apps
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('name', 'description');
--> statement-breakpoint
CREATE TRIGGER notifications_localized BEFORE INSERT OR UPDATE OF title, body ON platform.notifications
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('title', 'body');
--> statement-breakpoint
CREATE TRIGGER bots_localized BEFORE INSERT OR UPDATE OF description ON chat.bots
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('description');
--> statement-breakpoint

-- The guarded columns lacking a text in `locale`, with how many rows lack it. The list of columns
-- is read from the guards' own trigger arguments (pg_trigger.tgargs: NUL-separated), so a new
-- localized column needs only its trigger. `lock`: hold writers of those tables until commit
-- (SHARE mode), so no row without the text can slip in while the default switches.
CREATE OR REPLACE FUNCTION platform.localized_rows_missing(locale text, lock boolean DEFAULT false)
RETURNS TABLE (relation text, field text, missing bigint) LANGUAGE plpgsql AS $$
DECLARE
  guard record;
  column_name text;
BEGIN
  FOR guard IN
    SELECT t.tgrelid::regclass AS rel, (string_to_array(encode(t.tgargs, 'escape'), '\000'))[1:t.tgnargs] AS fields
    FROM pg_trigger t WHERE t.tgfoid = 'platform.localized_guard'::regproc ORDER BY t.tgrelid::regclass::text
  LOOP
    IF lock THEN
      EXECUTE format('LOCK TABLE %s IN SHARE MODE', guard.rel);
    END IF;
    FOREACH column_name IN ARRAY guard.fields LOOP
      relation := guard.rel::text;
      field := column_name;
      EXECUTE format('SELECT count(*) FROM %s WHERE jsonb_typeof(%I) = ''object'' AND NOT platform.has_text(%I, $1)', guard.rel, column_name, column_name)
        INTO missing USING locale;
      IF missing > 0 THEN
        RETURN NEXT;
      END IF;
    END LOOP;
  END LOOP;
END;
$$;
--> statement-breakpoint

-- The default is active, and becomes the default (or is renamed) only when every guarded row has its text.
CREATE OR REPLACE FUNCTION platform.locales_default_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lacking text;
BEGIN
  IF NOT NEW.is_default THEN
    RETURN NEW;
  END IF;
  IF NOT NEW.is_active THEN
    RAISE EXCEPTION 'the default locale "%" must be active', NEW.code USING ERRCODE = 'check_violation', TABLE = 'locales';
  END IF;
  IF TG_OP = 'INSERT' OR NOT OLD.is_default OR OLD.code IS DISTINCT FROM NEW.code THEN
    SELECT string_agg(format('%s.%s (%s rows)', m.relation, m.field, m.missing), ', ') INTO lacking
      FROM platform.localized_rows_missing(NEW.code, true) m;
    IF lacking IS NOT NULL THEN
      RAISE EXCEPTION '"%" cannot be the default locale: texts are missing in %', NEW.code, lacking
        USING ERRCODE = 'check_violation', TABLE = 'locales';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER locales_default_guard BEFORE INSERT OR UPDATE OF code, is_default, is_active ON platform.locales
  FOR EACH ROW EXECUTE FUNCTION platform.locales_default_guard();
--> statement-breakpoint

-- Exactly one default while any locale exists, checked at commit (a switch clears one flag, then sets another).
CREATE OR REPLACE FUNCTION platform.locales_one_default_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM platform.locales) AND (SELECT count(*) FROM platform.locales WHERE is_default) <> 1 THEN
    RAISE EXCEPTION 'exactly one locale must be the default' USING ERRCODE = 'check_violation', TABLE = 'locales';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE CONSTRAINT TRIGGER locales_one_default_check AFTER INSERT OR UPDATE OR DELETE ON platform.locales
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION platform.locales_one_default_check();
--> statement-breakpoint

-- Every gateway process caches the locale catalog (src/i18n/catalog.ts); a change of the locales
-- tells them to reload it at once, like the credential invalidation (drizzle/*_credential_invalidation).
-- Sent at commit; not silenced by gateway.realtime = 'off' (a stale default must not linger).
CREATE OR REPLACE FUNCTION platform.locales_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gateway_events', '{"topic": "locales", "kind": "LOCALES_CHANGED"}');
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER locales_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platform.locales
  FOR EACH STATEMENT EXECUTE FUNCTION platform.locales_changed();
--> statement-breakpoint

-- Sign-in providers (their migration came first) are held to the default like every localized column.
CREATE TRIGGER auth_providers_localized BEFORE INSERT OR UPDATE OF name ON auth.auth_providers
  FOR EACH ROW EXECUTE FUNCTION platform.localized_guard('name');
--> statement-breakpoint

-- Notification texts carry the platform default's text (what localized_guard requires), not en: a
-- notification written while the default is hu must not refuse the message that caused it.
CREATE OR REPLACE FUNCTION platform.notification_text(key text, recipient_locale text, organization_locale text, params jsonb)
RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  platform_default text := coalesce((SELECT l.code FROM platform.locales l WHERE l.is_default), 'en');
  picked_locale text;
  picked text;
  fallback text := platform.notification_string(platform_default, key);
  result jsonb;
BEGIN
  SELECT c.locale, platform.notification_string(c.locale, key) INTO picked_locale, picked
  FROM unnest(array[recipient_locale, split_part(recipient_locale, '-', 1), organization_locale, platform_default]) WITH ORDINALITY AS c(locale, n)
  JOIN platform.locales l ON l.code = c.locale AND l.is_active
  WHERE platform.notification_string(c.locale, key) IS NOT NULL
  ORDER BY c.n LIMIT 1;
  result := jsonb_build_object(platform_default, platform.notification_render(coalesce(fallback, picked, 'notifications.' || key), platform_default, params));
  IF picked_locale <> platform_default THEN
    result := result || jsonb_build_object(picked_locale, platform.notification_render(picked, picked_locale, params));
  END IF;
  RETURN result;
END;
$$;
