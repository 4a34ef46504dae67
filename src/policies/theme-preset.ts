import { sql } from 'drizzle-orm';
import { themePresets } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { hasPermission } from './viewer.js';

export const MANAGE_THEMES = 'settings.themes.manage';

/** Read: anyone, signed in or not (a sign-in page may already wear the default theme). */
export const canSeeThemePreset = defineRule('theme_preset.read', themePresets, () => sql`true`);

/** Create, change, delete: P(settings.themes.manage). */
export const canManageThemePreset = defineRule('theme_preset.manage', themePresets, (viewer) => hasPermission(viewer, MANAGE_THEMES));
