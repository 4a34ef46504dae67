import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { runSeeds } from '../src/db/seed/runner.js';
import { adminQuery, withDatabase } from '../src/db/admin.js';

// Test files import these from here, beside the provided database names.
export { adminQuery, withDatabase };

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, seeded PGlite data dump every test file starts from (embedded runs). */
    seededDumpPath: string;
    /** A migrated, seeded PostgreSQL database to copy (runs with TEST_DATABASE_URL). */
    seededTemplateDatabase: string;
  }
}

interface Seeded {
  dumpPath: string;
  template: string;
  remove(): Promise<void> | void;
}

async function seed(): Promise<Seeded> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = `gateway_template_${process.pid}_${Date.now()}`;
    await adminQuery(adminUrl, `create database "${template}"`);
    const handle = await openDatabase({ url: withDatabase(adminUrl, template) });
    await runMigrations(handle);
    await runSeeds(handle, { demo: true }); // the suite relies on the demo data
    await handle.close();
    return { dumpPath: '', template, remove: () => adminQuery(adminUrl, `drop database if exists "${template}" with (force)`).then(() => undefined) };
  }
  const directory = mkdtempSync(join(tmpdir(), 'gateway-test-'));
  const handle = await openDatabase({});
  await runMigrations(handle);
  await runSeeds(handle, { demo: true }); // the suite relies on the demo data
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  const dumpPath = join(directory, 'seeded.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  return { dumpPath, template: '', remove: () => rmSync(directory, { recursive: true, force: true }) };
}

// Each vitest project (vitest.config.ts) runs this setup, each with its own copy of this module: they share one seeded database through globalThis, removed after the last.
const shared = globalThis as { gatewaySeeded?: { seeded: Promise<Seeded>; users: number } };

/** Migrates and seeds once, so each test file only copies a ready database (PGlite initdb alone takes seconds). */
export default async function setup(project: TestProject) {
  const state = (shared.gatewaySeeded ??= { seeded: seed(), users: 0 });
  state.users++;
  const { dumpPath, template, remove } = await state.seeded;
  project.provide('seededTemplateDatabase', template);
  project.provide('seededDumpPath', dumpPath);
  return async () => {
    if (--state.users > 0) return;
    delete shared.gatewaySeeded;
    await remove();
  };
}
