/**
 * What the database announces (drizzle/*_realtime_triggers/migration.sql) and how it is routed:
 * every change is one `pg_notify('gateway_events', json)` whose JSON names a topic, the kind of
 * change and ids only. Subscribers load rows themselves, through their own read rules.
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOPIC = /^(channel|organization|user|typing|credentials):[0-9a-f-]{36}$/i;

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

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
