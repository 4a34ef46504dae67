ALTER TABLE "chat"."channel_members" ADD COLUMN "added_by" uuid;--> statement-breakpoint
CREATE INDEX "users_display_name_lower_idx" ON "auth"."users" (lower("display_name"));--> statement-breakpoint
CREATE INDEX "channel_members_added_by_idx" ON "chat"."channel_members" ("added_by");--> statement-breakpoint
ALTER TABLE "chat"."channel_members" ADD CONSTRAINT "channel_members_added_by_users_id_fkey" FOREIGN KEY ("added_by") REFERENCES "auth"."users"("id") ON DELETE SET NULL;--> statement-breakpoint
-- hand-written below
-- Notifications (issue 17): created by triggers, in the writer's transaction, so every writer (the
-- API, psql, a script) produces them, and a rolled-back write none. What produces one, for whom,
-- and the settings that switch a kind off: README, "Notifications". Each inserted notification is
-- announced on `user:<recipient>` by notifications_realtime (drizzle/*_realtime_triggers), so
-- notificationEvents delivers it live. `set local gateway.notifications = 'off'` skips them for a
-- transaction (the seeds do: their notifications are written out); so does `gateway.realtime = 'off'`
-- (a bulk load of history is news to nobody).

CREATE OR REPLACE FUNCTION platform.notifications_enabled() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('gateway.notifications', true), '') <> 'off'
     AND coalesce(current_setting('gateway.realtime', true), '') <> 'off';
$$;
--> statement-breakpoint

-- See(c) of src/policies/channel.ts (seesChannel) for one user, as the recipient would be judged
-- reading the row: test/notifications/rules.test.ts holds the two equal for every user and channel.
CREATE OR REPLACE FUNCTION platform.user_sees_channel(viewer uuid, channel uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM chat.channels c
    WHERE c.id = channel AND c.deleted_at IS NULL
      AND EXISTS (
        SELECT 1 FROM chat.organization_members om JOIN chat.organizations o ON o.id = om.organization_id
        WHERE om.organization_id = c.organization_id AND om.user_id = viewer AND om.deleted_at IS NULL AND o.deleted_at IS NULL)
      AND (c.type = 'public'
        OR (c.type IN ('private', 'direct') AND EXISTS (
          SELECT 1 FROM chat.channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = viewer AND cm.deleted_at IS NULL))
        OR (c.type = 'thread' AND EXISTS (
          SELECT 1 FROM chat.channels p
          WHERE p.id = c.parent_channel_id AND p.deleted_at IS NULL
            AND (p.type = 'public' OR EXISTS (
              SELECT 1 FROM chat.channel_members pm WHERE pm.channel_id = p.id AND pm.user_id = viewer AND pm.deleted_at IS NULL))))));
$$;
--> statement-breakpoint

-- auth.users.settings.notifications: `"<kind>": false` switches that kind off, `"all": false` every
-- kind; anything else (absent, true, a malformed value written by hand) leaves it on.
CREATE OR REPLACE FUNCTION platform.notification_wanted(settings jsonb, kind text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT NOT coalesce(settings -> 'notifications' -> kind = 'false'::jsonb, false)
     AND NOT coalesce(settings -> 'notifications' -> 'all' = 'false'::jsonb, false);
$$;
--> statement-breakpoint

-- Mentions by text: `@` (not inside a word, so "x@alice.io" mentions nobody) followed by a display
-- name as whole words, any case. For each of the first 50 `@`s of the text, every lower-cased prefix
-- of the 100 characters after it that ends at a word boundary: the names that may follow it. The
-- trigger looks them up in users_display_name_lower_idx, so the cost does not grow with the
-- organization. ("@Alice Anderson" offers "alice" and "alice anderson": both people are mentioned.)
CREATE OR REPLACE FUNCTION platform.mention_prefixes(content text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT left(t.tail, i)), '{}')
  FROM (SELECT lower(m[1]) AS tail FROM regexp_matches(content, '(?<![[:alnum:]_])@([^@]{1,100})', 'g') AS m LIMIT 50) t,
    generate_series(1, length(t.tail)) AS i
  WHERE substr(t.tail, i + 1, 1) !~ '[[:alnum:]_]';
$$;
--> statement-breakpoint

-- Mentions by entity: {"type": "mention", "userId": "<uuid or User global ID>"} among the embeds
-- (at most 50); anything else there is ignored, never an error.
CREATE OR REPLACE FUNCTION platform.mentioned_ids(embeds jsonb) RETURNS uuid[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT substring(r.ref FROM '[0-9a-fA-F-]{36}$')::uuid), '{}')
  FROM (
    SELECT CASE
      WHEN e ->> 'userId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN e ->> 'userId'
      -- A global ID: base64 of `User:<uuid>`, 56 characters.
      WHEN e ->> 'userId' ~ '^[A-Za-z0-9+/]{55}=$' THEN encode(decode(e ->> 'userId', 'base64'), 'escape')
    END AS ref
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(embeds) = 'array' THEN embeds ELSE '[]'::jsonb END) AS e
    WHERE jsonb_typeof(e) = 'object' AND e ->> 'type' = 'mention' AND jsonb_typeof(e -> 'userId') = 'string'
    LIMIT 50
  ) r
  WHERE r.ref ~* '^(User:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
$$;
--> statement-breakpoint

-- One string of the `notifications` namespace in one locale (an empty value is an untranslated slot).
CREATE OR REPLACE FUNCTION platform.notification_string(locale text, key text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(t.value, '') FROM platform.translations t
  WHERE t.locale = notification_string.locale AND t.namespace = 'notifications' AND t.key = notification_string.key;
$$;
--> statement-breakpoint

-- Fills `{name}` placeholders in one pass (a value is never scanned again, so a display name holding
-- "{channel}" stays as written). A value {"key": "role.admin"} is itself a string of the namespace,
-- in the same locale (else en, else the key); an unknown placeholder stays as it is.
CREATE OR REPLACE FUNCTION platform.notification_render(template text, locale text, params jsonb) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  rest text := template;
  result text := '';
  open_at int;
  close_at int;
  placeholder text;
  given jsonb;
BEGIN
  LOOP
    open_at := strpos(rest, '{');
    EXIT WHEN open_at = 0;
    close_at := strpos(substr(rest, open_at + 1), '}');
    EXIT WHEN close_at = 0;
    placeholder := substr(rest, open_at + 1, close_at - 1);
    given := params -> placeholder;
    IF placeholder ~ '^[A-Za-z_]+$' AND given IS NOT NULL THEN
      result := result || substr(rest, 1, open_at - 1) || CASE
        WHEN jsonb_typeof(given) = 'object' THEN coalesce(platform.notification_string(locale, given ->> 'key'),
          platform.notification_string('en', given ->> 'key'), given ->> 'key', '')
        ELSE coalesce(given #>> '{}', '') END;
      rest := substr(rest, open_at + close_at + 1);
    ELSE
      result := result || substr(rest, 1, open_at);
      rest := substr(rest, open_at + 1);
    END IF;
  END LOOP;
  RETURN result || rest;
END;
$$;
--> statement-breakpoint

-- A localized text ({"hu": "...", "en": "..."}) for one recipient: the string in the first locale of
-- the chain localized fields fall back along (the recipient's locale, its base language, the
-- organization's default, the platform default) that is active and translated, plus the en text the
-- CHECK of every localized column requires (DEFAULT_LOCALE, src/db/schema/columns.ts). Without any
-- translation the text is the key itself, as a UI shows a missing string.
CREATE OR REPLACE FUNCTION platform.notification_text(key text, recipient_locale text, organization_locale text, params jsonb)
RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  picked_locale text;
  picked text;
  english text := platform.notification_string('en', key);
  result jsonb;
BEGIN
  SELECT c.locale, platform.notification_string(c.locale, key) INTO picked_locale, picked
  FROM unnest(array[recipient_locale, split_part(recipient_locale, '-', 1), organization_locale,
                    (SELECT l.code FROM platform.locales l WHERE l.is_default)]) WITH ORDINALITY AS c(locale, n)
  JOIN platform.locales l ON l.code = c.locale AND l.is_active
  WHERE platform.notification_string(c.locale, key) IS NOT NULL
  ORDER BY c.n LIMIT 1;
  result := jsonb_build_object('en', platform.notification_render(coalesce(english, picked, 'notifications.' || key), 'en', params));
  IF picked_locale <> 'en' THEN
    result := result || jsonb_build_object(picked_locale, platform.notification_render(picked, picked_locale, params));
  END IF;
  RETURN result;
END;
$$;
--> statement-breakpoint

-- Writes one notification if the recipient is a live person who has not switched this kind off.
-- Deleted users and bots' machine users get none (a bot follows channels through its own events).
CREATE OR REPLACE FUNCTION platform.notify(recipient uuid, organization uuid, kind text, resource_type text, resource_id uuid,
  params jsonb, data jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO platform.notifications (user_id, organization_id, type, title, body, resource_type, resource_id, data)
  SELECT u.id, notify.organization, notify.kind,
    platform.notification_text(notify.kind || '.title', u.locale, o.default_locale, notify.params),
    platform.notification_text(notify.kind || '.body', u.locale, o.default_locale, notify.params),
    notify.resource_type, notify.resource_id, notify.data
  FROM auth.users u LEFT JOIN chat.organizations o ON o.id = notify.organization
  WHERE u.id = notify.recipient AND u.deleted_at IS NULL AND u.user_type = 'human' AND platform.notification_wanted(u.settings, notify.kind);
$$;
--> statement-breakpoint

-- A new message: one notification per recipient, of the first kind that applies and that they have
-- not switched off: direct_message, then mention, then reply, then thread_reply. Only to someone who
-- may read the message (See(c)), never to its author, never in a channel (or a thread's parent) the
-- recipient muted. Edits notify nobody (a mention added later is not news pushed twice).
CREATE OR REPLACE FUNCTION platform.notify_message_created() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ch chat.channels;
  parent chat.channels;
  mention_prefixes text[] := '{}';
  mentioned uuid[];
  has_mentions boolean;
  params jsonb;
  recipient record;
BEGIN
  IF NEW.deleted_at IS NOT NULL OR NOT platform.notifications_enabled() THEN
    RETURN NULL;
  END IF;
  SELECT * INTO ch FROM chat.channels WHERE id = NEW.channel_id;
  IF ch.id IS NULL OR ch.deleted_at IS NOT NULL THEN
    RETURN NULL;
  END IF;
  IF strpos(NEW.content, '@') > 0 THEN
    mention_prefixes := platform.mention_prefixes(NEW.content);
  END IF;
  mentioned := platform.mentioned_ids(NEW.embeds);
  has_mentions := cardinality(mention_prefixes) > 0 OR cardinality(mentioned) > 0;
  -- The common case (a plain message in a channel) costs the channel lookup alone.
  IF ch.type NOT IN ('direct', 'thread') AND NEW.reply_to_message_id IS NULL AND NOT has_mentions THEN
    RETURN NULL;
  END IF;
  IF ch.type = 'thread' THEN
    SELECT * INTO parent FROM chat.channels WHERE id = ch.parent_channel_id;
  END IF;
  params := jsonb_build_object(
    'actor', (SELECT u.display_name FROM auth.users u WHERE u.id = NEW.author_id),
    'channel', coalesce(parent.name, ch.name),
    'thread', CASE WHEN ch.type = 'thread' THEN ch.name END,
    'organization', (SELECT o.name FROM chat.organizations o WHERE o.id = ch.organization_id));
  FOR recipient IN
    SELECT DISTINCT ON (c.user_id) c.user_id, c.kind
    FROM (
      SELECT cm.user_id, 'direct_message' AS kind, 1 AS rank
      FROM chat.channel_members cm
      WHERE ch.type = 'direct' AND cm.channel_id = ch.id AND cm.deleted_at IS NULL
      UNION ALL
      SELECT mu.id, 'mention', 2 FROM auth.users mu WHERE lower(mu.display_name) = ANY (mention_prefixes)
      UNION ALL
      SELECT unnest(mentioned), 'mention', 2
      UNION ALL
      SELECT m.author_id, 'reply', 3 FROM chat.messages m WHERE m.id = NEW.reply_to_message_id
      UNION ALL
      -- A thread's participants: its followers (members), whoever wrote in it, the author of the
      -- message it was started from, and whoever started it.
      SELECT p.user_id, 'thread_reply', 4
      FROM (
        SELECT tm.user_id FROM chat.channel_members tm WHERE tm.channel_id = ch.id AND tm.deleted_at IS NULL
        UNION SELECT m.author_id FROM chat.messages m WHERE m.channel_id = ch.id AND m.deleted_at IS NULL
        UNION SELECT m.author_id FROM chat.messages m WHERE m.thread_channel_id = ch.id AND m.deleted_at IS NULL
        UNION SELECT ch.created_by
      ) p
      WHERE ch.type = 'thread' AND p.user_id IS NOT NULL
    ) c
    JOIN auth.users u ON u.id = c.user_id
    WHERE c.user_id <> NEW.author_id
      AND u.deleted_at IS NULL AND u.user_type = 'human'
      AND platform.notification_wanted(u.settings, c.kind)
      AND NOT EXISTS (
        SELECT 1 FROM chat.channel_members mm
        WHERE mm.channel_id IN (ch.id, ch.parent_channel_id) AND mm.user_id = c.user_id AND mm.deleted_at IS NULL AND mm.is_muted)
      AND platform.user_sees_channel(c.user_id, ch.id)
    ORDER BY c.user_id, c.rank
  LOOP
    PERFORM platform.notify(recipient.user_id, ch.organization_id, recipient.kind, 'message', NEW.id, params,
      jsonb_build_object('actorId', NEW.author_id, 'channelId', ch.id, 'messageId', NEW.id));
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER messages_notify AFTER INSERT ON chat.messages
  FOR EACH ROW EXECUTE FUNCTION platform.notify_message_created();
--> statement-breakpoint

-- Added to a channel by someone else (added_by set and not themselves). Not for direct channels:
-- their members are their participants from the start, and the first message says so.
CREATE OR REPLACE FUNCTION platform.notify_channel_member_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ch chat.channels;
BEGIN
  IF NEW.deleted_at IS NOT NULL OR NEW.added_by IS NULL OR NEW.added_by = NEW.user_id OR NEW.is_muted
      OR NOT platform.notifications_enabled() THEN
    RETURN NULL;
  END IF;
  SELECT * INTO ch FROM chat.channels WHERE id = NEW.channel_id;
  IF ch.type = 'direct' OR NOT platform.user_sees_channel(NEW.user_id, ch.id) THEN
    RETURN NULL;
  END IF;
  PERFORM platform.notify(NEW.user_id, ch.organization_id, 'channel_added', 'channel', ch.id,
    jsonb_build_object(
      'actor', (SELECT u.display_name FROM auth.users u WHERE u.id = NEW.added_by),
      'channel', ch.name,
      'organization', (SELECT o.name FROM chat.organizations o WHERE o.id = ch.organization_id)),
    jsonb_build_object('actorId', NEW.added_by, 'channelId', ch.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER channel_members_notify AFTER INSERT ON chat.channel_members
  FOR EACH ROW EXECUTE FUNCTION platform.notify_channel_member_added();
--> statement-breakpoint

-- Added to an organization by someone else (invited_by set and not themselves), or a role changed
-- by someone else: the actor of a role change is the transaction's `gateway.actor_id` (set by the
-- gateway's mutation; a change written without it has no known actor and notifies the member).
CREATE OR REPLACE FUNCTION platform.notify_organization_member() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  organization chat.organizations;
  actor_setting text := coalesce(current_setting('gateway.actor_id', true), '');
  actor uuid;
  kind text;
BEGIN
  IF NEW.deleted_at IS NOT NULL OR NOT platform.notifications_enabled() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.invited_by IS NULL OR NEW.invited_by = NEW.user_id THEN
      RETURN NULL;
    END IF;
    kind := 'organization_added';
    actor := NEW.invited_by;
  ELSE
    IF OLD.deleted_at IS NOT NULL OR NEW.role IS NOT DISTINCT FROM OLD.role THEN
      RETURN NULL;
    END IF;
    kind := 'role_changed';
    actor := CASE WHEN actor_setting ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN actor_setting::uuid END;
    IF actor = NEW.user_id THEN
      RETURN NULL;
    END IF;
  END IF;
  SELECT * INTO organization FROM chat.organizations WHERE id = NEW.organization_id;
  IF organization.deleted_at IS NOT NULL THEN
    RETURN NULL;
  END IF;
  PERFORM platform.notify(NEW.user_id, organization.id, kind, 'organization', organization.id,
    jsonb_build_object(
      'actor', coalesce(to_jsonb((SELECT u.display_name FROM auth.users u WHERE u.id = actor)), '{"key": "actor.unknown"}'::jsonb),
      'organization', organization.name,
      'role', jsonb_build_object('key', 'role.' || NEW.role)),
    jsonb_strip_nulls(jsonb_build_object('actorId', actor, 'memberId', NEW.id, 'role', NEW.role,
      'previousRole', CASE WHEN TG_OP = 'UPDATE' THEN OLD.role END)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER organization_members_notify AFTER INSERT OR UPDATE OF role ON chat.organization_members
  FOR EACH ROW EXECUTE FUNCTION platform.notify_organization_member();
