import type { Viewer } from '../context.js';
import { translations } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { hasPermission } from './viewer.js';

/** Locales and translations are readable by anyone. */
export const canReadTranslations = (_viewer: Viewer | null): boolean => true;

/** Write translations: P(translations.manage). */
export const canManageTranslations = defineRule('translation.manage', translations, (viewer) => hasPermission(viewer, 'translations.manage'));
