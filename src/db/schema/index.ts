export * from './auth/index.js';
export * from './platform/index.js';
export * from './chat/index.js';
