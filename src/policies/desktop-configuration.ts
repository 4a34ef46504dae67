import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Viewer } from '../context.js';
import { apps, desktopConfigurations } from '../db/schema/index.js';
import { canSeeApp } from './app.js';
import { defineRule } from './rule.js';
import { isSelf, type Column } from './viewer.js';

/** Read and write: only its user (nobody else, whatever their permissions). */
export const canAccessDesktopConfiguration = defineRule('desktop_configuration.own', desktopConfigurations, (viewer, configuration) =>
  isSelf(viewer, configuration.userId),
);

const pinned = alias(apps, 'pinned_app');

/**
 * The pinned app keys (a jsonb array) the viewer may open now, in pin order: a pin of an app since
 * retired or no longer granted stays stored but is not answered (the App list rule, canSeeApp).
 */
export function visiblePinnedAppsSql(viewer: Viewer | null, pinnedApps: Column): SQL {
  return sql`coalesce((select jsonb_agg(pin.key order by pin.n)
    from jsonb_array_elements_text(${pinnedApps}) with ordinality as pin(key, n)
    join platform.apps ${pinned} on ${pinned.key} = pin.key
    where ${canSeeApp.where(viewer, pinned as unknown as typeof apps)}), '[]'::jsonb)`;
}
