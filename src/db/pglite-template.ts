import { createHash } from 'node:crypto';
import { constants, existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fromPackageRoot } from '../paths.js';
import { localMigrations, migrationsFolder, runMigrations } from './migrate.js';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';

/**
 * A migrated PGlite data directory that a new embedded database is copied from: a copy takes a
 * fraction of a second where PGlite's initdb and the migrations take 4-5 s. It is made once per
 * install (npm's postinstall, or the first start that needs it) in node_modules/.cache, named by a
 * hash of everything it is made of, so a template that is not in step with drizzle/ is never used:
 * any change makes another name, and that template is made anew.
 */

/** Where templates are kept unless PGLITE_TEMPLATE_CACHE says otherwise. */
export const defaultTemplateCache = fromPackageRoot('node_modules', '.cache', 'pg-graphql-gateway');

/** Raised when the template is made some other way (the name changes with it). */
const TEMPLATE_FORMAT = 1;
/** A template (or an unfinished one) unused this long, other than the current one, is removed. */
const STALE_AFTER_MS = 60 * 60 * 1000;

const packageVersion = (name: string): string => {
  // The CommonJS entry of the package is in its dist/ folder, beside nothing but build output.
  let folder = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
};

/**
 * The template's name: a hash of PGlite's and drizzle's versions (the data format, the migration
 * journal), PGlite's extensions, and the name and SQL of every migration in `folder`.
 */
export function templateKey(folder = migrationsFolder): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([TEMPLATE_FORMAT, packageVersion('@electric-sql/pglite'), packageVersion('drizzle-orm'), Object.keys(PGLITE_EXTENSIONS).sort()]));
  for (const name of localMigrations(folder)) hash.update(`\0${name}\0`).update(readFileSync(join(folder, name, 'migration.sql')));
  return hash.digest('hex').slice(0, 16);
}

const logToConsole = (line: string) => console.log(`[db] ${line}`);

export interface TemplateOptions {
  /** Where templates are kept (PGLITE_TEMPLATE_CACHE; default `defaultTemplateCache`). */
  cacheDir?: string;
  /** The migrations (default drizzle/). */
  migrations?: string;
  log?: (line: string) => void;
}

/** The current template's directory, made first when it does not exist yet (4-5 s). */
export async function ensureTemplate({ cacheDir = defaultTemplateCache, migrations = migrationsFolder, log = logToConsole }: TemplateOptions = {}): Promise<string> {
  const name = `pglite-${templateKey(migrations)}`;
  const template = join(cacheDir, name);
  if (existsSync(join(template, 'PG_VERSION'))) {
    // Marks it used, so that pruning keeps it.
    await utimes(template, new Date(), new Date()).catch(() => undefined);
    return template;
  }
  log(`making the migrated template of new embedded databases (once per install and set of migrations): ${template}`);
  await mkdir(cacheDir, { recursive: true });
  const building = `${template}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  try {
    // Loaded here: a start that copies the template need not wait for the database modules.
    const { openDatabase } = await import('./client.js');
    const handle = await openDatabase({ dataDir: building });
    try {
      await runMigrations(handle, migrations);
    } finally {
      await handle.close();
    }
    // Whole or not at all; a process that made the same template at the same time may have won.
    await rename(building, template).catch((error: unknown) => {
      if (!existsSync(join(template, 'PG_VERSION'))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  await prune(cacheDir, name);
  return template;
}

/** Removes the other templates (and unfinished ones) no process has used for STALE_AFTER_MS. */
async function prune(cacheDir: string, current: string): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(cacheDir)) {
    if (!entry.startsWith('pglite-') || entry === current) continue;
    const path = join(cacheDir, entry);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs > STALE_AFTER_MS) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** What `startFromTemplate` found or did. */
export type DataDirStart = 'existing' | 'template' | 'initdb';

/**
 * Before PGlite opens `dataDir`: when it holds no database yet, makes it a copy of the migrated
 * template. 'existing': a database is there; 'template': copied; 'initdb': PGlite runs initdb and
 * the migrations all run, because the template could not be made or copied (logged) or `dataDir`
 * is no directory (`memory://`).
 */
export async function startFromTemplate(dataDir: string, options: TemplateOptions = {}): Promise<DataDirStart> {
  const log = options.log ?? logToConsole;
  // PGlite's `file://` is a directory too; `memory://` and the browser's file systems are not.
  const directory = dataDir.startsWith('file://') ? dataDir.slice('file://'.length) : /^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir) ? null : dataDir;
  if (directory === null) return 'initdb';
  if (existsSync(join(directory, 'PG_VERSION'))) return 'existing';
  const target = resolve(directory);
  // An empty directory that exists (e.g. a container's volume) is filled in place, PG_VERSION last;
  // else the copy is made beside it and renamed, whole or not at all.
  const inPlace = existsSync(target);
  if (inPlace && !(await readdir(target).then((entries) => entries.length === 0, () => false))) {
    log(`${target} holds files but no database: PGlite runs initdb there, without the migrated template`);
    return 'initdb';
  }
  const into = inPlace ? target : `${target}.copying-${process.pid}`;
  try {
    const template = await ensureTemplate({ ...options, log });
    await mkdir(dirname(target), { recursive: true });
    await copyTree(template, into, inPlace);
    if (!inPlace) await rename(into, target);
    return 'template';
  } catch (error) {
    await removeCopy(into, inPlace);
    log(`new embedded database without the migrated template (${error instanceof Error ? error.message : String(error)}): initdb and every migration run, 4-5 s`);
    return 'initdb';
  }
}

/** Undoes an unfinished copy: the directory made for it, or what was copied into the directory that was empty. */
async function removeCopy(into: string, inPlace: boolean): Promise<void> {
  const entries = inPlace ? await readdir(into).catch(() => []) : [''];
  await Promise.all(entries.map((entry) => rm(join(into, entry), { recursive: true, force: true }).catch(() => undefined)));
}

/**
 * Copies a tree of directories and files, every file at once (the thread pool copies them in
 * parallel; fs.cp goes one by one). At the top, PG_VERSION comes last: PGlite takes a directory
 * with it for a database, so an interrupted copy is never taken for one.
 */
async function copyTree(from: string, to: string, exists = false): Promise<void> {
  if (!exists) await mkdir(to);
  const entries = await readdir(from, { withFileTypes: true });
  const copy = (name: string) => copyFile(join(from, name), join(to, name), constants.COPYFILE_FICLONE); // a clone where the file system can
  // Directories and files only: a socket (a data directory lock) belongs to the process that made it.
  const rest = entries.filter((entry) => entry.name !== 'PG_VERSION' && (entry.isDirectory() || entry.isFile()));
  await Promise.all(rest.map((entry) => (entry.isDirectory() ? copyTree(join(from, entry.name), join(to, entry.name)) : copy(entry.name))));
  if (entries.some((entry) => entry.name === 'PG_VERSION')) await copy('PG_VERSION');
}
