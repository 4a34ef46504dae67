import type { SeedDefinition } from '../src/db/seed/runner.js';

/**
 * The demo data sets, in a sensible default order. Each file is an idempotent upsert: running
 * the whole set twice changes nothing. `dependsOn` lists the sets whose rows a file references.
 */
export const seeds: SeedDefinition[] = [
  { name: 'locales', file: 'locales.sql', dependsOn: [], description: 'Locales en (default), hu and de' },
  {
    name: 'rbac',
    file: 'rbac.sql',
    dependsOn: [],
    description: 'Resources, the permission catalog, the four system roles and groups, their grants',
  },
  {
    name: 'apps',
    file: 'apps.sql',
    dependsOn: ['rbac'],
    description: 'Desktop apps with localized names, one inactive, role and group access',
  },
  {
    name: 'users',
    file: 'users.sql',
    dependsOn: ['locales', 'rbac'],
    description: 'Demo users (ADMIN_USER_EMAIL overrides the first admin), the bot machine user, roles and groups',
  },
  {
    name: 'organizations',
    file: 'organizations.sql',
    dependsOn: ['locales', 'users'],
    description: 'Organizations acme (public, en) and globex (private, hu), their members and channel sections',
  },
  {
    name: 'channels',
    file: 'channels.sql',
    dependsOn: ['organizations'],
    description: 'Public, private, direct and thread channels in each organization, with their members',
  },
  {
    name: 'bots',
    file: 'bots.sql',
    dependsOn: ['channels'],
    description: 'The helper bot, installed in acme and joined to #general',
  },
  {
    name: 'messages',
    file: 'messages.sql',
    dependsOn: ['channels', 'bots'],
    description: 'Messages with replies, threads, pins, an edit, a soft delete and reactions',
  },
  {
    name: 'notifications',
    file: 'notifications.sql',
    dependsOn: ['messages'],
    description: 'Localized notifications for every demo user, some read',
  },
  {
    name: 'translations',
    file: 'translations.sql',
    dependsOn: ['locales'],
    description: 'UI strings in namespaces common and chat (en, hu; de partial)',
  },
  {
    name: 'files',
    file: 'files.sql',
    dependsOn: ['messages'],
    description: 'File metadata in every scope, two attached to messages',
  },
  { name: 'audit', file: 'audit.sql', dependsOn: ['messages'], description: 'A few audit log entries' },
  {
    name: 'accounts',
    file: 'accounts.sql',
    dependsOn: ['users'],
    description: 'Password accounts for the demo people, all with the password demo-password-2026',
  },
];
