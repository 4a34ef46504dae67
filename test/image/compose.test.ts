import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seeds } from '../../seeds/config.js';
import { fromPackageRoot } from '../../src/paths.js';
import { environment, globRegExp, healthCheckCommand, inBuildContext, instructions, readDockerfile } from './dockerfile.js';

/**
 * docker-compose.yml, the Dockerfile and .dockerignore read as Docker would read them (there is no
 * Docker engine here): services, settings, start order and health checks; every COPY source exists
 * and is in the build context. test/image/build.test.ts runs what the image's stage copies.
 */
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean; interval?: string };
  volumes?: string[];
}

const compose = parse(readFileSync(fromPackageRoot('docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const { postgres, init, gateway } = compose.services;
const stages = readDockerfile();
const image = stages.at(-1)!;

/** Repository paths a COPY source names (a glob such as seeds/*.sql included). */
function sourcePaths(source: string): string[] {
  const directory = dirname(source);
  if (!source.includes('*')) return existsSync(fromPackageRoot(source)) ? [source] : [];
  const pattern = globRegExp(source);
  return readdirSync(fromPackageRoot(directory)).map((name) => join(directory, name)).filter((path) => pattern.test(path));
}

describe('docker-compose.yml', () => {
  it('has PostgreSQL 17 with its tuning and a health check, an init service and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'init', 'postgres']);
    expect(postgres!.image).toBe('postgres:17');
    const settings = postgres!.command!.filter((word, index, all) => all[index - 1] === '-c');
    expect(settings).toEqual(expect.arrayContaining(['wal_level=logical', 'max_wal_senders=10', 'max_replication_slots=5', 'hot_standby=on', 'hot_standby_feedback=on', 'max_connections=200', 'shared_buffers=256MB']));
    expect(postgres!.healthcheck!.test!.join(' ')).toMatch(/pg_isready -U postgres -d gateway/);
    expect(postgres!.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
  });

  it('init runs the image once (db:init: migrations, procedures and base seeds) after PostgreSQL is healthy, then exits', () => {
    expect(init!.image).toBe(gateway!.image);
    expect(init!.build).toBeUndefined();
    expect(init!.restart).toBe('no');
    expect(init!.command).toEqual(['node', 'dist/scripts/db-init.js']);
    // The same program as `npm run db:init` where there is no src/ (the image).
    const packageScripts = (JSON.parse(readFileSync(fromPackageRoot('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(packageScripts['db:init']).toContain(`echo ${init!.command![1]}`);
    expect(init!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(init!.healthcheck).toEqual({ disable: true });
    expect(init!.environment!.SEED_DEMO).toBe('${SEED_DEMO:-false}');
    expect(init!.environment!.ADMIN_USER_EMAIL).toBe('${ADMIN_USER_EMAIL:-}');
  });

  it('the gateway is built here, waits for a healthy PostgreSQL and a finished init, never migrates, and has a health check', () => {
    expect(gateway!.build).toBe('.');
    expect(gateway!.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, init: { condition: 'service_completed_successfully' } });
    expect(gateway!.environment).toMatchObject({ MIGRATE_ON_START: 'false', SEED_ON_START: 'false', PORT: '4000' });
    // The keys that seal stored secrets come from the operator's environment; the file holds none.
    expect(gateway!.environment).toMatchObject({ AUTH_PROVIDER_SECRET_KEY: '${AUTH_PROVIDER_SECRET_KEY:-}', INTEGRATION_SECRET_KEY: '${INTEGRATION_SECRET_KEY:-}' });
    expect(gateway!.healthcheck!.test).toEqual(['CMD', ...healthCheckCommand(image)]);
  });

  it('init and the gateway open the database compose creates', () => {
    expect(init!.environment!.DATABASE_URL).toBe(gateway!.environment!.DATABASE_URL);
    const url = new URL(gateway!.environment!.DATABASE_URL!);
    const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB } = postgres!.environment!;
    expect([url.hostname, url.username, url.password, url.pathname.slice(1)]).toEqual(['postgres', POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB]);
  });
});

describe('Dockerfile', () => {
  it('builds in a stage with every dependency, and the image has production dependencies only', () => {
    const [build] = stages;
    expect(stages).toHaveLength(2);
    expect(instructions(build!, 'RUN').map((run) => run.text)).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(instructions(image, 'RUN').map((run) => run.text)).toContain('npm ci --omit=dev --no-audit --no-fund && npm cache clean --force');
    expect(instructions(image, 'COPY').filter((copy) => copy.flags.from).map((copy) => copy.args)).toEqual([[`/app/dist`, './dist']]);
  });

  it('runs node dist/main.js in production mode as node, the embedded data in a volume node owns, with a health check', () => {
    expect(instructions(image, 'CMD')[0]!.args).toEqual(['node', 'dist/main.js']);
    expect(instructions(image, 'USER')[0]!.args).toEqual(['node']);
    const env = environment(image);
    expect(env.NODE_ENV).toBe('production');
    expect(instructions(image, 'VOLUME')[0]!.args).toEqual([env.PGLITE_DATA_DIR]);
    expect(instructions(image, 'RUN').map((run) => run.text)).toContain(`mkdir ${env.PGLITE_DATA_DIR} && chown node:node ${env.PGLITE_DATA_DIR}`);
    // Uploaded files (FILES_STORAGE=local) in a volume of their own, node's too.
    expect(instructions(image, 'VOLUME')[1]!.args).toEqual([env.FILES_DIR]);
    expect(instructions(image, 'RUN').map((run) => run.text)).toContain(`mkdir ${env.FILES_DIR} && chown node:node ${env.FILES_DIR}`);
    expect(healthCheckCommand(image)).toEqual(['node', 'dist/scripts/healthcheck.js']);
  });

  it('copies only sources that exist and that .dockerignore lets into the build context', () => {
    const copies = stages.flatMap((stage) => instructions(stage, 'COPY')).filter((copy) => !copy.flags.from);
    expect(copies.length).toBeGreaterThan(4);
    for (const copy of copies) {
      for (const source of copy.args.slice(0, -1)) {
        const paths = sourcePaths(source);
        expect(paths, `COPY ${source}`).not.toEqual([]);
        for (const path of paths) expect(inBuildContext(path), `${path} is in the build context`).toBe(true);
      }
    }
    expect(inBuildContext('node_modules')).toBe(false);
    expect(inBuildContext('.data')).toBe(false);
    expect(inBuildContext('src/db/seed/runner.test.ts')).toBe(false);
  });

  it('the image has the SQL of every registered data set and procedure, and compiles every db: script it can run', () => {
    const copied = instructions(image, 'COPY').filter((copy) => !copy.flags.from).flatMap((copy) => copy.args.slice(0, -1));
    for (const seed of seeds) expect(copied.some((source) => globRegExp(source).test(`seeds/${seed.file}`)), `seeds/${seed.file} is copied`).toBe(true);
    const tsconfig = ts.readConfigFile(fromPackageRoot('tsconfig.build.json'), ts.sys.readFile).config as { include: string[] };
    const packageScripts = (JSON.parse(readFileSync(fromPackageRoot('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const compiled = Object.values(packageScripts).flatMap((script) => [.../echo dist\/(scripts\/[\w-]+)\.js/g.exec(script)?.slice(1) ?? []]);
    expect(compiled).toEqual(expect.arrayContaining(['scripts/migrate', 'scripts/seed', 'scripts/db-init', 'scripts/db-backup', 'scripts/db-restore']));
    for (const script of compiled) expect(tsconfig.include, `${script}.ts is compiled`).toContain(`${script}.ts`);
  });

  it('the build stage copies everything tsconfig.build.json compiles', () => {
    const [build] = stages;
    const copied = instructions(build!, 'COPY').flatMap((copy) => copy.args.slice(0, -1));
    const tsconfig = ts.readConfigFile(fromPackageRoot('tsconfig.build.json'), ts.sys.readFile).config as { extends: string; include: string[] };
    for (const file of [tsconfig.extends.replace(/^\.\//, ''), ...tsconfig.include]) {
      expect(copied.some((source) => globRegExp(source).test(file)), `${file} is copied`).toBe(true);
    }
  });
});
