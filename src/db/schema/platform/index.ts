export * from './schema.js';
export * from './locales.js';
export * from './apps.js';
export * from './notifications.js';
export * from './files.js';
export * from './audit.js';
export * from './event-log.js';
export * from './mail.js';
