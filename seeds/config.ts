import type { SeedDefinition } from '../src/db/seed/runner.js';

/**
 * The procedures (SQL functions in seeds/procedures/, each a `create or replace function`) and the
 * data sets, in a sensible default order. Procedures are created by every run, in its transaction,
 * before the data; `--only-procedures` runs them alone. A procedure depends only on procedures.
 * `base` sets (catalogs and the first administrator) load everywhere; `demo` sets only in
 * development or with SEED_DEMO=true. Catalog rows upsert on their key; every other row is inserted if absent, so a re-run never undoes a change made at run
 * time. `dependsOn` lists the sets whose rows a file references (a base set never needs a demo one).
 */
export const seeds: SeedDefinition[] = [
  {
    name: 'auth.get_groups',
    file: 'procedures/get_groups.sql',
    kind: 'procedure',
    dependsOn: [],
    description: "auth.get_groups(user_id uuid): a live user's groups (id, key, localized name and description, is_system, is_default)",
  },
  {
    name: 'auth.get_permissions',
    file: 'procedures/get_permissions.sql',
    kind: 'procedure',
    dependsOn: ['auth.get_groups'],
    description: "auth.get_permissions(user_id uuid): the permissions a live user holds through roles or groups, with the granting role and group keys",
  },
  { name: 'locales', file: 'locales.sql', kind: 'base', dependsOn: [], description: 'Locales en (default), hu and de' },
  {
    name: 'rbac',
    file: 'rbac.sql',
    kind: 'base',
    dependsOn: [],
    description: 'Resources, the permission catalog, the four system roles and groups (everyone is the default group), their grants',
  },
  {
    name: 'auth-providers',
    file: 'auth-providers.sql',
    kind: 'base',
    dependsOn: [],
    description: 'Sign-in providers: email and password, enabled',
  },
  {
    name: 'email-templates',
    file: 'email-templates.sql',
    kind: 'base',
    dependsOn: ['locales'],
    description: 'Texts of the mails the gateway sends (password reset), en and hu, de too; an administrator\'s edit survives a re-run',
  },
  {
    name: 'apps',
    file: 'apps.sql',
    kind: 'base',
    dependsOn: ['rbac'],
    description: 'Desktop apps with localized names, one inactive, role and group access',
  },
  {
    name: 'theme-presets',
    file: 'theme-presets.sql',
    kind: 'base',
    dependsOn: ['locales'],
    description: 'Desktop theme presets light (the default), dark and high contrast, with en, hu and de names',
  },
  {
    name: 'plugins',
    file: 'plugins.sql',
    kind: 'base',
    dependsOn: ['locales'],
    description: 'The plugin catalog with localized names (en, hu; de partial), one inactive',
  },
  {
    name: 'translations',
    file: 'translations.sql',
    kind: 'base',
    dependsOn: ['locales'],
    description: 'UI strings in namespaces common and chat, notification texts in notifications (en, hu; de partial)',
  },
  {
    name: 'admin',
    file: 'admin.sql',
    kind: 'base',
    dependsOn: ['locales', 'rbac'],
    description: 'The first administrator from ADMIN_USER_EMAIL, if given and absent (nothing otherwise)',
  },
  {
    name: 'users',
    file: 'users.sql',
    kind: 'demo',
    dependsOn: ['locales', 'rbac', 'admin'],
    description: 'Demo people (admin@example.com unless ADMIN_USER_EMAIL made the administrator), the bot machine user, roles and groups',
  },
  {
    name: 'organizations',
    file: 'organizations.sql',
    kind: 'demo',
    dependsOn: ['locales', 'users'],
    description: 'Organizations acme (public, en) and globex (private, hu), their members and channel sections',
  },
  {
    name: 'channels',
    file: 'channels.sql',
    kind: 'demo',
    dependsOn: ['organizations'],
    description: 'Public, private, direct and thread channels in each organization, with their members',
  },
  {
    name: 'bots',
    file: 'bots.sql',
    kind: 'demo',
    dependsOn: ['channels'],
    description: 'The helper bot (with its published demo token), installed in acme and joined to #general',
  },
  {
    name: 'messages',
    file: 'messages.sql',
    kind: 'demo',
    dependsOn: ['channels', 'bots'],
    description: 'Messages with replies, threads, pins, an edit, a soft delete and reactions',
  },
  {
    name: 'notifications',
    file: 'notifications.sql',
    kind: 'demo',
    dependsOn: ['messages'],
    description: 'Localized notifications for every demo user, some read',
  },
  {
    name: 'files',
    file: 'files.sql',
    kind: 'demo',
    dependsOn: ['messages'],
    description: 'File metadata in every scope, two attached to messages',
  },
  { name: 'audit', file: 'audit.sql', kind: 'demo', dependsOn: ['messages'], description: 'A few audit log entries' },
  { name: 'system-logs', file: 'system-logs.sql', kind: 'demo', dependsOn: [], description: 'A few system log entries: a lockout and revocations' },
  {
    name: 'demo-plugins',
    file: 'plugins-demo.sql',
    kind: 'demo',
    dependsOn: ['plugins', 'organizations'],
    description: 'Polls enabled in acme by its owner',
  },
  {
    name: 'demo-auth-providers',
    file: 'auth-providers-demo.sql',
    kind: 'demo',
    dependsOn: ['auth-providers'],
    description: 'An example OpenID Connect provider, disabled (no client secret)',
  },
  {
    name: 'integrations',
    file: 'integrations.sql',
    kind: 'demo',
    dependsOn: ['organizations'],
    description: 'Integration connections without credentials: GitHub and a paused webhook in acme, Jira (in error) in globex',
  },
  {
    name: 'accounts',
    file: 'accounts.sql',
    kind: 'demo',
    dependsOn: ['users'],
    description: 'Password accounts for the demo people, all with the published password demo-password-2026',
  },
  {
    name: 'desktop-configurations',
    file: 'desktop-configurations-demo.sql',
    kind: 'demo',
    dependsOn: ['users', 'apps', 'theme-presets'],
    description: 'Desktop configurations (layout, wallpaper, pins, theme) of alice, bob, carol and hanna',
  },
];
