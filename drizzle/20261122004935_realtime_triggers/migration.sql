-- Realtime events (issue 6): every committed change a subscriber may care about is announced with
-- pg_notify on the one channel `gateway_events`, whoever wrote it (the API, psql, a script). The
-- payload is small JSON: {"topic": "channel:<uuid>", "kind": "MESSAGE_CREATED", "id": "<uuid>", ...}
-- (ids and the kind of change only, far below the 8000-byte limit); subscribers load the rows
-- themselves through their read rules. NOTIFY is transactional: a rolled-back write says nothing.
-- A bulk load can switch publishing off for its own transaction: `set local gateway.realtime = 'off'`.

CREATE OR REPLACE FUNCTION platform.realtime_publish(topic text, kind text, id uuid, extra jsonb DEFAULT '{}'::jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('gateway.realtime', true), '') = 'off' THEN
    RETURN;
  END IF;
  PERFORM pg_notify('gateway_events', (jsonb_build_object('topic', topic, 'kind', kind, 'id', id) || extra)::text);
END;
$$;
--> statement-breakpoint

-- Messages -> topic channel:<channel_id>. Changes to an already deleted message are not news.
CREATE OR REPLACE FUNCTION platform.realtime_message_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  topic text := 'channel:' || coalesce(NEW.channel_id, OLD.channel_id);
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM platform.realtime_publish(topic, 'MESSAGE_CREATED', NEW.id);
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.deleted_at IS NULL THEN
      PERFORM platform.realtime_publish(topic, 'MESSAGE_DELETED', OLD.id);
    END IF;
  ELSIF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
    PERFORM platform.realtime_publish(topic, 'MESSAGE_DELETED', NEW.id);
  ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
    PERFORM platform.realtime_publish(topic, 'MESSAGE_CREATED', NEW.id); -- restored: it appears again
  ELSIF NEW.deleted_at IS NULL THEN
    IF NEW.content IS DISTINCT FROM OLD.content OR NEW.embeds IS DISTINCT FROM OLD.embeds THEN
      PERFORM platform.realtime_publish(topic, 'MESSAGE_EDITED', NEW.id);
    END IF;
    IF OLD.pinned_at IS NULL AND NEW.pinned_at IS NOT NULL THEN
      PERFORM platform.realtime_publish(topic, 'MESSAGE_PINNED', NEW.id);
    ELSIF OLD.pinned_at IS NOT NULL AND NEW.pinned_at IS NULL THEN
      PERFORM platform.realtime_publish(topic, 'MESSAGE_UNPINNED', NEW.id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER messages_realtime AFTER INSERT OR UPDATE OR DELETE ON chat.messages
  FOR EACH ROW EXECUTE FUNCTION platform.realtime_message_changed();
--> statement-breakpoint

-- Reactions -> the channel of their message. A reaction removed with its (hard-deleted) message
-- finds no message: that message's own MESSAGE_DELETED says it all.
CREATE OR REPLACE FUNCTION platform.realtime_reaction_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reaction chat.message_reactions := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  channel uuid;
BEGIN
  SELECT m.channel_id INTO channel FROM chat.messages m WHERE m.id = reaction.message_id;
  IF channel IS NOT NULL THEN
    PERFORM platform.realtime_publish('channel:' || channel,
      CASE WHEN TG_OP = 'DELETE' THEN 'REACTION_REMOVED' ELSE 'REACTION_ADDED' END,
      reaction.message_id, jsonb_build_object('userId', reaction.user_id, 'emoji', reaction.emoji));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER message_reactions_realtime AFTER INSERT OR DELETE ON chat.message_reactions
  FOR EACH ROW EXECUTE FUNCTION platform.realtime_reaction_changed();
--> statement-breakpoint

-- Channels -> topic organization:<organization_id>. Only what a channel list shows counts as an update.
CREATE OR REPLACE FUNCTION platform.realtime_channel_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  topic text := 'organization:' || coalesce(NEW.organization_id, OLD.organization_id);
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM platform.realtime_publish(topic, 'CHANNEL_CREATED', NEW.id);
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.deleted_at IS NULL THEN
      PERFORM platform.realtime_publish(topic, 'CHANNEL_DELETED', OLD.id);
    END IF;
  ELSIF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
    PERFORM platform.realtime_publish(topic, 'CHANNEL_DELETED', NEW.id);
  ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
    PERFORM platform.realtime_publish(topic, 'CHANNEL_CREATED', NEW.id);
  ELSIF NEW.deleted_at IS NULL AND (NEW.name, NEW.topic, NEW.type, NEW.section_id, NEW.parent_channel_id)
      IS DISTINCT FROM (OLD.name, OLD.topic, OLD.type, OLD.section_id, OLD.parent_channel_id) THEN
    PERFORM platform.realtime_publish(topic, 'CHANNEL_UPDATED', NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER channels_realtime AFTER INSERT OR UPDATE OR DELETE ON chat.channels
  FOR EACH ROW EXECUTE FUNCTION platform.realtime_channel_changed();
--> statement-breakpoint

-- Organization members -> topic organization:<organization_id>; `userId` says who.
CREATE OR REPLACE FUNCTION platform.realtime_member_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  member chat.organization_members := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  topic text := 'organization:' || member.organization_id;
  who jsonb := jsonb_build_object('userId', member.user_id);
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.deleted_at IS NULL THEN
      PERFORM platform.realtime_publish(topic, 'MEMBER_JOINED', NEW.id, who);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.deleted_at IS NULL THEN
      PERFORM platform.realtime_publish(topic, 'MEMBER_LEFT', OLD.id, who);
    END IF;
  ELSIF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
    PERFORM platform.realtime_publish(topic, 'MEMBER_LEFT', NEW.id, who);
  ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
    PERFORM platform.realtime_publish(topic, 'MEMBER_JOINED', NEW.id, who);
  ELSIF NEW.deleted_at IS NULL AND NEW.role IS DISTINCT FROM OLD.role THEN
    PERFORM platform.realtime_publish(topic, 'MEMBER_ROLE_CHANGED', NEW.id, who);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER organization_members_realtime AFTER INSERT OR UPDATE OR DELETE ON chat.organization_members
  FOR EACH ROW EXECUTE FUNCTION platform.realtime_member_changed();
--> statement-breakpoint

-- Notifications -> topic user:<user_id>, their recipient's.
CREATE OR REPLACE FUNCTION platform.realtime_notification_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  notification platform.notifications := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  PERFORM platform.realtime_publish('user:' || notification.user_id,
    CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'DELETE' THEN 'DELETED' ELSE 'UPDATED' END, notification.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER notifications_realtime AFTER INSERT OR UPDATE OR DELETE ON platform.notifications
  FOR EACH ROW EXECUTE FUNCTION platform.realtime_notification_changed();
