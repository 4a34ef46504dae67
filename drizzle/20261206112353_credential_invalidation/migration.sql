-- Credential invalidation (issue 12): every gateway process caches accepted credentials (and the
-- compiled statements built for them) for AUTH_CACHE_TTL_MS. A change that ends or narrows a
-- credential announces the user it belongs to on the realtime channel `gateway_events`:
-- {"topic": "credentials:<user uuid>", "kind": "CREDENTIALS_CHANGED", "id": "<user uuid>"}; each
-- process's listener forgets that user's cached credentials at once. From a trigger, so a change
-- made with psql or a script counts like one made through the API; NOTIFY is sent at commit, and
-- PostgreSQL folds identical payloads of one transaction into one (sign-out everywhere: one event).
-- Unlike the realtime events, `gateway.realtime = 'off'` does not silence these: a revocation
-- must never be skipped.

CREATE OR REPLACE FUNCTION auth.credentials_changed(user_id uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify('gateway_events', jsonb_build_object(
    'topic', 'credentials:' || user_id, 'kind', 'CREDENTIALS_CHANGED', 'id', user_id)::text);
$$;
--> statement-breakpoint

-- Sessions: revoked, expiry moved (e.g. expired by hand), token or owner changed, or deleted.
CREATE OR REPLACE FUNCTION auth.session_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM auth.credentials_changed(OLD.user_id);
  IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    PERFORM auth.credentials_changed(NEW.user_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER sessions_credentials_update AFTER UPDATE OF revoked_at, expires_at, token_hash, user_id ON auth.sessions
  FOR EACH ROW
  WHEN ((OLD.revoked_at, OLD.expires_at, OLD.token_hash, OLD.user_id) IS DISTINCT FROM (NEW.revoked_at, NEW.expires_at, NEW.token_hash, NEW.user_id))
  EXECUTE FUNCTION auth.session_credentials_changed();
--> statement-breakpoint

CREATE TRIGGER sessions_credentials_delete AFTER DELETE ON auth.sessions
  FOR EACH ROW EXECUTE FUNCTION auth.session_credentials_changed();
--> statement-breakpoint

-- Bots: token rotated, scopes changed, deleted (soft or hard), or moved to another machine user.
CREATE OR REPLACE FUNCTION chat.bot_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM auth.credentials_changed(OLD.user_id);
  IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    PERFORM auth.credentials_changed(NEW.user_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER bots_credentials_update AFTER UPDATE OF token_hash, scopes, deleted_at, user_id ON chat.bots
  FOR EACH ROW
  WHEN ((OLD.token_hash, OLD.scopes, OLD.deleted_at, OLD.user_id) IS DISTINCT FROM (NEW.token_hash, NEW.scopes, NEW.deleted_at, NEW.user_id))
  EXECUTE FUNCTION chat.bot_credentials_changed();
--> statement-breakpoint

CREATE TRIGGER bots_credentials_delete AFTER DELETE ON chat.bots
  FOR EACH ROW EXECUTE FUNCTION chat.bot_credentials_changed();
--> statement-breakpoint

-- Users: deactivated (soft delete) or restored, deleted, or a change of what a cached viewer
-- carries besides its id (user type, stored locale).
CREATE OR REPLACE FUNCTION auth.user_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM auth.credentials_changed(OLD.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER users_credentials_update AFTER UPDATE OF deleted_at, user_type, locale ON auth.users
  FOR EACH ROW
  WHEN ((OLD.deleted_at, OLD.user_type, OLD.locale) IS DISTINCT FROM (NEW.deleted_at, NEW.user_type, NEW.locale))
  EXECUTE FUNCTION auth.user_credentials_changed();
--> statement-breakpoint

CREATE TRIGGER users_credentials_delete AFTER DELETE ON auth.users
  FOR EACH ROW EXECUTE FUNCTION auth.user_credentials_changed();
