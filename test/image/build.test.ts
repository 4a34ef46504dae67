import { execFile } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeds } from '../../seeds/config.js';
import { localMigrations } from '../../src/db/migrate.js';
import { fromPackageRoot } from '../../src/paths.js';
import { emptyDatabase, spawnGateway, stopGateway, type EmptyDatabase } from '../gateway-process.js';
import { globRegExp, healthCheckCommand, instructions, readDockerfile } from './dockerfile.js';

/**
 * The production build as the image runs it, without Docker: tsc compiles once (the build stage's
 * `npm run build`), then a folder gets exactly what the Dockerfile's last stage copies, with only
 * the production packages of package-lock.json in node_modules (no tsx, no TypeScript, no dev
 * dependency). Its scripts migrate and seed a fresh database and `CMD` serves it.
 */
const run = promisify(execFile);
const image = readDockerfile().at(-1)!;
let root: string;
/** The build stage's /app: package.json, dist/ (and here schema.graphql and every package, as a checkout has them). */
let build: string;
/** The image's /app. */
let app: string;
let database: EmptyDatabase | undefined;
/** The databases of the db:init and backup test (dropped afterwards). */
const initDatabases: EmptyDatabase[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gateway-image-'));
  build = join(root, 'build');
  app = join(root, 'app');
  mkdirSync(build);
  mkdirSync(app);
  await run(process.execPath, [fromPackageRoot('node_modules/typescript/bin/tsc'), '-p', fromPackageRoot('tsconfig.build.json'), '--outDir', join(build, 'dist')]);
  for (const file of ['package.json', 'schema.graphql']) copyFileSync(fromPackageRoot(file), join(build, file));
  symlinkSync(fromPackageRoot('node_modules'), join(build, 'node_modules'));
  for (const copy of instructions(image, 'COPY')) copyInto(app, copy.args.slice(0, -1), copy.args.at(-1)!, copy.flags.from ? build : undefined);
  linkProductionPackages(app);
}, 180_000);

afterAll(async () => {
  await database?.drop();
  for (const other of initDatabases) await other.drop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** COPY sources... destination, relative to WORKDIR /app; `from` is another stage's /app, else the repository. */
function copyInto(target: string, sources: string[], destination: string, from: string | undefined): void {
  const into = destination.endsWith('/') || sources.length > 1 || sources.some((source) => source.includes('*'));
  for (const source of sources) {
    const paths = from ? [join(from, source.replace(/^\/app\//, ''))] : repositoryPaths(source);
    for (const path of paths) cpSync(path, into ? join(target, destination, basename(path)) : join(target, destination), { recursive: true });
  }
}

function repositoryPaths(source: string): string[] {
  if (!source.includes('*')) return [fromPackageRoot(source)];
  const directory = dirname(source);
  return readdirSync(fromPackageRoot(directory)).filter((name) => globRegExp(source).test(join(directory, name))).map((name) => fromPackageRoot(directory, name));
}

/** `npm ci --omit=dev`: every top-level package of the lock not marked dev, linked from the shared node_modules. */
function linkProductionPackages(target: string): void {
  const lock = JSON.parse(readFileSync(fromPackageRoot('package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.replace(/^node_modules\//, '');
    if (!key.startsWith('node_modules/') || name.includes('/node_modules/') || entry.dev || !existsSync(fromPackageRoot(key))) continue;
    mkdirSync(dirname(join(target, key)), { recursive: true });
    symlinkSync(fromPackageRoot(key), join(target, key));
  }
}

const production = (env: Record<string, string>): NodeJS.ProcessEnv => {
  const merged: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', npm_config_update_notifier: 'false', ...env };
  for (const name of ['ADMIN_USER_EMAIL', 'ADMIN_USER_PASSWORD', 'SEED_DEMO', 'MIGRATE_ON_START', 'SEED_ON_START']) if (!(name in env)) delete merged[name];
  return merged;
};

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const [command, ...args] = instructions(image, 'CMD')[0]!.args;
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on SessionPayload { token } } }';

describe('npm run build', () => {
  it('compiles code that prints the committed schema (schema:check on the built output), and the check fails on a stale file', async () => {
    const checked = await run(process.execPath, ['dist/scripts/schema-print.js', '--check'], { cwd: build });
    expect(checked.stdout).toMatch(/schema.graphql is up to date/);
    appendFileSync(join(build, 'schema.graphql'), '\nscalar Stale\n');
    await expect(run(process.execPath, ['dist/scripts/schema-print.js', '--check'], { cwd: build })).rejects.toMatchObject({ code: 1 });
  });

  it('the image copies no TypeScript, no source and no dev dependency', () => {
    expect(existsSync(join(app, 'src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'typescript'))).toBe(false);
    expect(readdirSync(join(app, 'seeds')).every((name) => name.endsWith('.sql') || name === 'procedures')).toBe(true);
    expect(readdirSync(join(app, 'seeds', 'procedures')).sort()).toEqual(seeds.filter((seed) => seed.kind === 'procedure').map((seed) => seed.file.replace('procedures/', '')).sort());
    expect(existsSync(join(app, args[0]!))).toBe(true);
  });

  it("the image's CMD starts on an in-memory PGlite and answers a query", async () => {
    const gateway = await spawnGateway({ PGLITE_DATA_DIR: 'memory://', DATABASE_URL: undefined }, { command, args: [join(app, args[0]!)], timeoutMs: 150_000 });
    try {
      const answer = await post(gateway.url, '{ organizations(first: 5) { nodes { slug } } }');
      expect(answer.data.organizations.nodes).toContainEqual({ slug: 'acme' });
    } finally {
      expect(await stopGateway(gateway)).toBe(0);
    }
  }, 240_000);

  it('in the image, npm run db:migrate and db:seed prepare a fresh database, and the gateway (MIGRATE_ON_START=false) serves it with a passing health check', async () => {
    database = await emptyDatabase('image');
    const migrated = await run('npm', ['run', 'db:migrate'], { cwd: app, env: production(database.env) });
    expect(migrated.stdout).toContain(`applied ${localMigrations().length} migration(s)`);
    const admin = { ADMIN_USER_EMAIL: 'ops@corp.example', ADMIN_USER_PASSWORD: 'an-operator-password' };
    const seeded = await run('npm', ['run', 'db:seed'], { cwd: app, env: production({ ...database.env, ...admin }) });
    expect(seeded.stdout).toMatch(/seeded \d+ data set\(s\) \(base only\)/);

    const gateway = await spawnGateway({ ...production(database.env), MIGRATE_ON_START: 'false', SEED_ON_START: 'false' }, { command, args: [join(app, args[0]!)], timeoutMs: 150_000 });
    const { port } = new URL(gateway.url);
    const [checkCommand, ...checkArgs] = healthCheckCommand(image);
    const healthCheck = () => run(checkCommand!, checkArgs, { cwd: app, env: production({ PORT: port, HOST: '127.0.0.1' }) });
    try {
      expect(gateway.output()).not.toMatch(/\[seed\]/);
      const signedIn = await post(gateway.url, SIGN_IN, { input: { email: admin.ADMIN_USER_EMAIL, password: admin.ADMIN_USER_PASSWORD } });
      expect(signedIn.data.signIn.__typename).toBe('SessionPayload');
      const viewer = await post(gateway.url, '{ viewer { email roles { nodes { key } } } }', {}, { authorization: `Bearer ${signedIn.data.signIn.token}` });
      expect(viewer.data.viewer).toEqual({ email: 'ops@corp.example', roles: { nodes: [{ key: 'administrator' }] } });
      await expect(healthCheck()).resolves.toBeDefined();
      // PGlite takes no lock of its own: a second process on the running gateway's directory is refused.
      if (!database.url) await expect(run('npm', ['run', 'db:seed'], { cwd: app, env: production(database.env) })).rejects.toMatchObject({ stderr: expect.stringContaining('is open in another process') });
    } finally {
      expect(await stopGateway(gateway)).toBe(0);
    }
    await expect(healthCheck()).rejects.toMatchObject({ code: 1 });
  }, 240_000);

  it("in the image, compose's init command (db:init) prepares a fresh database and changes nothing when run again; db:backup and db:restore copy it", async () => {
    const [fresh, copy] = [await emptyDatabase('image-init'), await emptyDatabase('image-restore')];
    initDatabases.push(fresh, copy);
    const admin = { ADMIN_USER_EMAIL: 'ops@corp.example', ADMIN_USER_PASSWORD: 'an-operator-password' };
    const [initCommand, ...initArgs] = ['node', 'dist/scripts/db-init.js'];
    const init = (env: Record<string, string>) => run(initCommand!, initArgs, { cwd: app, env: production({ ...env, ...admin }) });
    const first = await init(fresh.env);
    expect(first.stdout).toContain(`migrations: applied ${localMigrations().length}`);
    expect(first.stdout).toContain('procedures: auth.get_groups, auth.get_permissions');
    expect(first.stdout).toContain('data sets (base only): locales, rbac, auth-providers, email-templates, apps, theme-presets, plugins, translations, admin');
    expect(first.stdout).toContain('administrator ops@corp.example created with the password of ADMIN_USER_PASSWORD');
    const second = await init(fresh.env);
    expect(second.stdout).toContain('migrations: applied 0');
    expect(second.stdout).toContain('the first administrator exists already (ops@corp.example): left as it is');
    expect(second.stdout).toMatch(/initialised\n$/);

    const file = join(root, 'image-backup');
    const backedUp = await run('npm', ['run', 'db:backup', '--', file], { cwd: app, env: production(fresh.env) });
    expect(backedUp.stdout).toMatch(/backed up .* \((pg_dump custom format|PGlite data-directory dump), \d+ bytes\)/);
    await run('npm', ['run', 'db:restore', '--', file], { cwd: app, env: production(copy.env) });
    // The copy holds the administrator: db:init finds them and changes nothing.
    const restored = await init(copy.env);
    expect(restored.stdout).toContain('migrations: applied 0');
    expect(restored.stdout).toContain('the first administrator exists already (ops@corp.example)');
    await expect(run('npm', ['run', 'db:reset'], { cwd: app, env: production(copy.env) })).rejects.toMatchObject({ stderr: expect.stringContaining('reset refused: NODE_ENV=production') });
  }, 400_000);
});
