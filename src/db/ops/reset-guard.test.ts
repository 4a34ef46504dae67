import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { databaseName, resetRefusal } from './reset-guard.js';

const config = (env: Record<string, string>) => loadConfig(env);

describe('databaseName', () => {
  it("is PostgreSQL's database, else the embedded directory's last folder", () => {
    expect(databaseName(config({ DATABASE_URL: 'postgres://gw:secret@db:5432/gateway?sslmode=require' }))).toBe('gateway');
    expect(databaseName(config({ DATABASE_URL: 'postgres://gw@db:5432/my%20db' }))).toBe('my db');
    expect(databaseName(config({ DATABASE_URL: 'postgres://gw@db:5432' }))).toBe('gw');
    expect(databaseName(config({ PGLITE_DATA_DIR: '/data' }))).toBe('data');
    expect(databaseName(config({ PGLITE_DATA_DIR: './.data/' }))).toBe('.data');
    expect(databaseName(config({ PGLITE_DATA_DIR: 'memory://' }))).toBe('memory');
  });
});

describe('resetRefusal', () => {
  const production = config({ NODE_ENV: 'production', DATABASE_URL: 'postgres://gw@db/gateway' });

  it('lets a reset run outside production', () => {
    expect(resetRefusal(config({ DATABASE_URL: 'postgres://gw@db/gateway' }), undefined)).toBeNull();
    expect(resetRefusal(config({}), undefined)).toBeNull();
  });

  it('refuses one in production, and says how to insist', () => {
    expect(resetRefusal(production, undefined)).toBe(
      'reset refused: NODE_ENV=production, and a reset empties every table of database "gateway". To reset it anyway pass --yes-really-reset=gateway',
    );
    expect(resetRefusal(config({ NODE_ENV: 'production', PGLITE_DATA_DIR: '/data' }), undefined)).toMatch(/--yes-really-reset=data$/);
  });

  it('takes the override only when it names this database, in production or not', () => {
    expect(resetRefusal(production, 'gateway')).toBeNull();
    expect(resetRefusal(production, 'gateway_staging')).toMatch(/names another database than this one \("gateway"\)/);
    expect(resetRefusal(production, '')).toMatch(/names another database/);
    expect(resetRefusal(config({ DATABASE_URL: 'postgres://gw@db/demo' }), 'gateway')).toMatch(/names another database than this one \("demo"\)/);
  });
});
