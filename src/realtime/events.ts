/**
 * What the database announces and how it is routed. Every change is a row of the event log
 * (drizzle/*_event_log, read by src/realtime/log.ts) naming a topic, the kind of change and ids
 * only; its commit sends an empty `pg_notify('gateway_events', '')` that only wakes the readers.
 * Signals that are not kept (typing, credential changes) travel as JSON in the notification itself.
 * Subscribers load rows themselves, through their own read rules.
 */

/** The one PostgreSQL notification channel every gateway process LISTENs on. */
export const NOTIFY_CHANNEL = 'gateway_events';

/** One announced change, as the trigger (or setTyping) wrote it. */
export interface RealtimeEvent {
  /** Where it is routed, e.g. `channel:<uuid>` (see `topics`). */
  topic: string;
  /** What happened, e.g. MESSAGE_CREATED; the subscription field decides what it means. */
  kind: string;
  /** The row changed (a message, channel, member, notification) or, for typing, the user. */
  id: string;
  /** Who reacted or whose membership changed. */
  userId?: string;
  emoji?: string;
  isTyping?: boolean;
  /** The event's position in the event log (logged events only): what a client resumes after. */
  position?: string;
}

/** Topic names; the id is always a UUID. */
export const topics = {
  /** Messages, reactions and pins of a channel. */
  channel: (channelId: string) => `channel:${channelId}`,
  /** Channels and members of an organization. */
  organization: (organizationId: string) => `organization:${organizationId}`,
  /** A user's notifications. */
  user: (userId: string) => `user:${userId}`,
  /** Typing indicators of a channel (published by setTyping, never stored). */
  typing: (channelId: string) => `typing:${channelId}`,
  /** A user's credentials changed (drizzle/*_credential_invalidation): every process forgets them; no subscriber. */
  credentials: (userId: string) => `credentials:${userId}`,
};

/** The kind of a `credentials:<user>` event; its `id` is the user's. */
export const CREDENTIALS_CHANGED = 'CREDENTIALS_CHANGED';

/**
 * The notification the locales table sends on any change (drizzle/*_default_locale_from_table):
 * every process reloads its locale catalog (active locales, the default). Not an event: no topic id.
 */
export const LOCALES_CHANGED = 'LOCALES_CHANGED';

/** Whether a notification payload says the locales changed. */
export function isLocalesChanged(payload: string | undefined): boolean {
  if (!payload?.includes(LOCALES_CHANGED)) return false;
  try {
    const value = JSON.parse(payload) as { topic?: unknown; kind?: unknown };
    return value?.topic === 'locales' && value.kind === LOCALES_CHANGED;
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOPIC = /^(channel|organization|user|typing|credentials):[0-9a-f-]{36}$/i;

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** A notification that only says the event log has grown (empty, or a position). */
export const isWakeUp = (payload: string | undefined): boolean => !payload || /^\d+$/.test(payload);

/** A notification payload as an event; anything malformed (e.g. someone else's NOTIFY) is null. */
export function parseEvent(payload: string | undefined): RealtimeEvent | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const event = value as Record<string, unknown>;
  const wellFormed =
    typeof event.topic === 'string' &&
    TOPIC.test(event.topic) &&
    typeof event.kind === 'string' &&
    typeof event.id === 'string' &&
    UUID.test(event.id) &&
    optionalString(event.userId) &&
    optionalString(event.emoji) &&
    (event.isTyping === undefined || typeof event.isTyping === 'boolean');
  return wellFormed ? (event as unknown as RealtimeEvent) : null;
}

/** The user whose credentials an event says changed, or null for any other event. */
export const credentialsChangedFor = (event: RealtimeEvent): string | null =>
  event.kind === CREDENTIALS_CHANGED && event.topic === topics.credentials(event.id) ? event.id : null;
