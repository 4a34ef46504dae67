import { defineConfig } from 'drizzle-kit';
import { loadConfig } from './src/config.js';
import { describeDatabase } from './src/db/client.js';
import { lockDataDir } from './src/db/data-dir-lock.js';

/**
 * drizzle-kit on the database `npm start` uses: DATABASE_URL, else the embedded PGlite in
 * PGLITE_DATA_DIR (default ./.data). The commands that connect say which one, and hold the embedded
 * directory as the gateway does: refused while a gateway (or db:seed) has it open, and vice versa.
 */
const CONNECTING_COMMANDS = ['studio', 'push', 'pull', 'migrate'];

const config = loadConfig();
const command = process.argv[2] ?? '';
if (CONNECTING_COMMANDS.includes(command)) {
  console.error(`drizzle-kit ${command}: ${describeDatabase(config)}`);
  if (!config.databaseUrl) await lockDataDir(config.pgliteDataDir);
}

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
  schemaFilter: ['auth', 'platform', 'chat'],
  ...(config.databaseUrl ? { dbCredentials: { url: config.databaseUrl } } : { driver: 'pglite', dbCredentials: { url: config.pgliteDataDir } }),
});
