/**
 * `npm run start:prepare`, which npm also runs after `npm install` (postinstall): makes ahead what
 * the first `npm start` of a clone would spend seconds on, so that it starts about as fast as a restart:
 *  - the migrated PGlite template new embedded databases are copied from (src/db/pglite-template.ts;
 *    PGLITE_TEMPLATE_CACHE=off: none);
 *  - tsx's transpile cache of the gateway's modules (tsx keys it by file path: a new clone starts cold).
 * It never fails the install (npm skips it where the sources or tsx are not installed, e.g. an
 * image's `npm ci --omit=dev`): what it cannot make, the first start makes or goes without.
 */
import { loadConfig } from '../src/config.js';
import { ensureTemplate } from '../src/db/pglite-template.js';

const say = (line: string) => console.log(`start:prepare: ${line}`);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(): Promise<void> {
  const begin = performance.now();
  const cacheDir = loadConfig().pgliteTemplateCache;
  if (cacheDir !== null) {
    await ensureTemplate({ cacheDir, log: say }).then(
      (template) => say(`the migrated template of new embedded databases is ${template}`),
      (error: unknown) => say(`no template (${reason(error)}): a new embedded database runs initdb and every migration`),
    );
  }
  // What src/main.ts loads (importing it would start the gateway); loading them fills tsx's cache.
  await Promise.all([
    import('../src/server.js'),
    import('../src/realtime/index.js'),
    import('../src/http/playground-session.js'),
    import('../src/http/persisted.js'),
    import('../src/db/seed/start.js'),
  ]).catch((error: unknown) => say(`the gateway's modules did not load (${reason(error)})`));
  say(`done in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
}

// Exit 0 whatever happened, and without waiting for timers a loaded module may have started.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`skipped (${reason(error)})`);
    process.exit(0);
  },
);
