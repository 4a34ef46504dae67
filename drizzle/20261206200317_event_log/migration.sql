-- The realtime event log (issue 16). Every event the triggers of drizzle/*_realtime_triggers publish
-- is now appended to platform.event_log in the writer's transaction, and NOTIFY only wakes the
-- gateway processes (an empty payload: PostgreSQL folds it to one notification per transaction).
-- Each process reads the log from where it stopped, after every wake-up and every reconnect, so an
-- event committed while its LISTEN connection was down is delivered late instead of never, and a
-- client can resume from an event's position. Positions are given at insert but transactions
-- commit in another order: readers go in (xid, position) order and only read rows whose xid is
-- below the oldest transaction still running (pg_snapshot_xmin), which can no longer be joined by
-- a row sorting before them (src/realtime/log.ts). `set local gateway.realtime = 'off'` still
-- skips both (bulk loads). Typing (setTyping) and credential changes stay plain NOTIFY signals:
-- they are not events to replay. Old rows go by age and count (src/realtime/retention.ts).

CREATE TABLE "platform"."event_log" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "platform"."event_log_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"xid" xid8 DEFAULT pg_current_xact_id() NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"topic" text NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"extra" jsonb
);
--> statement-breakpoint
CREATE INDEX "event_log_xid_position_idx" ON "platform"."event_log" ("xid","position");--> statement-breakpoint
CREATE INDEX "event_log_topic_idx" ON "platform"."event_log" ("topic","xid","position");--> statement-breakpoint
CREATE INDEX "event_log_created_idx" ON "platform"."event_log" USING brin ("created_at");--> statement-breakpoint

CREATE OR REPLACE FUNCTION platform.realtime_publish(topic text, kind text, id uuid, extra jsonb DEFAULT '{}'::jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('gateway.realtime', true), '') = 'off' THEN
    RETURN;
  END IF;
  INSERT INTO platform.event_log (topic, kind, subject_id, extra)
    VALUES (topic, kind, id, nullif(extra, '{}'::jsonb));
  PERFORM pg_notify('gateway_events', '');
END;
$$;
