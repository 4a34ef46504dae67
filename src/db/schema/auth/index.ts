export * from './schema.js';
export * from './users.js';
export * from './rbac.js';
export * from './providers.js';
