export * from './schema.js';
export * from './organizations.js';
export * from './channels.js';
export * from './messages.js';
export * from './members.js';
export * from './bots.js';
export * from './integrations.js';
