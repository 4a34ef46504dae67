import { emailTemplates } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { hasPermission } from './viewer.js';

export const MANAGE_EMAIL_TEMPLATES = 'settings.email_templates.manage';

/** Read and write: P(settings.email_templates.manage); the texts are configuration, not for every reader. */
export const canManageEmailTemplate = defineRule('email_template.manage', emailTemplates, (viewer) => hasPermission(viewer, MANAGE_EMAIL_TEMPLATES));
