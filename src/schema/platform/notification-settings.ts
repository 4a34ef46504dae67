/**
 * The kinds of notification the database writes (drizzle/*_notifications, README "Notifications")
 * and the user setting that switches them off: `settings.notifications`, e.g.
 * `{ "mention": false }` or `{ "all": false }`. Only `false` switches a kind off.
 */
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'thread_reply',
  'direct_message',
  'channel_added',
  'organization_added',
  'role_changed',
] as const;

const SWITCHES: ReadonlySet<string> = new Set([...NOTIFICATION_KINDS, 'all']);

/** Why a `settings.notifications` value is refused, or null when it is valid (null itself removes the key). */
export function notificationSettingsProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'must be an object of notification kinds to true or false';
  for (const [kind, enabled] of Object.entries(value)) {
    if (!SWITCHES.has(kind)) return `has an unknown kind "${kind}"; known: all, ${NOTIFICATION_KINDS.join(', ')}`;
    if (typeof enabled !== 'boolean') return `"${kind}" must be true or false`;
  }
  return null;
}
