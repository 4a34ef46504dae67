import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const switches = (env: NodeJS.ProcessEnv) => {
  const { graphiql, introspection, seedDemo, playgroundUser, adminUserEmail, adminUserPassword } = loadConfig(env);
  return { graphiql, introspection, seedDemo, playgroundUser, adminUserEmail, adminUserPassword };
};

describe('production switches in the configuration', () => {
  it('are on in development and off with NODE_ENV=production', () => {
    expect(switches({})).toEqual({ graphiql: true, introspection: true, seedDemo: true, playgroundUser: 'alice@example.com', adminUserEmail: undefined, adminUserPassword: undefined });
    expect(switches({ NODE_ENV: 'production' })).toEqual({ graphiql: false, introspection: false, seedDemo: false, playgroundUser: '', adminUserEmail: undefined, adminUserPassword: undefined });
  });

  it('each can be turned on in production, or off in development', () => {
    expect(switches({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: '1', SEED_DEMO: 'yes' })).toMatchObject({ graphiql: true, introspection: true, seedDemo: true });
    expect(switches({ GRAPHIQL: 'false', INTROSPECTION: 'off', SEED_DEMO: '0' })).toMatchObject({ graphiql: false, introspection: false, seedDemo: false });
  });

  it('reads the first administrator, an empty value meaning none, and refuses a switch that is not a boolean', () => {
    expect(switches({ ADMIN_USER_EMAIL: ' ops@corp.example ', ADMIN_USER_PASSWORD: 'secret-pass' })).toMatchObject({ adminUserEmail: 'ops@corp.example', adminUserPassword: 'secret-pass' });
    expect(switches({ ADMIN_USER_EMAIL: '', ADMIN_USER_PASSWORD: '' })).toMatchObject({ adminUserEmail: undefined, adminUserPassword: undefined });
    expect(() => loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'maybe' })).toThrow('INTROSPECTION must be true or false, got "maybe"');
  });
});
