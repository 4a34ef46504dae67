import { seeds } from '../../../seeds/config.js';
import type { Config } from '../../config.js';
import type { DatabaseHandle } from '../client.js';
import { localMigrations, runMigrations } from '../migrate.js';
import { describeAdministrator, runSeeds, type AdministratorOutcome } from '../seed/runner.js';

export interface InitResult {
  /** The migrations this run applied (none on a database already current). */
  migrations: string[];
  procedures: string[];
  dataSets: string[];
  administrator: AdministratorOutcome | null;
}

type InitConfig = Pick<Config, 'seedDemo' | 'adminUserEmail' | 'adminUserPassword'>;

/**
 * `npm run db:init`: everything a database needs before a gateway serves it, safe to repeat:
 * pending migrations, then in one transaction the procedures and the base data (the demo data too
 * where SEED_DEMO says so) with the first administrator, then ANALYZE (freshly loaded tables
 * without statistics got bad plans). A second run applies nothing and changes no row.
 */
export async function initDatabase(handle: DatabaseHandle, config: InitConfig, log: (line: string) => void = () => undefined): Promise<InitResult> {
  const migrations = await runMigrations(handle);
  log(`migrations: applied ${migrations.length}; ${localMigrations().length} in drizzle/, all applied`);
  const { ran, administrator } = await runSeeds(handle, {
    demo: config.seedDemo,
    adminEmail: config.adminUserEmail,
    adminPassword: config.adminUserPassword,
    log,
  });
  const procedureNames = new Set(seeds.filter((seed) => seed.kind === 'procedure').map((seed) => seed.name));
  const procedures = ran.filter((name) => procedureNames.has(name));
  const dataSets = ran.filter((name) => !procedureNames.has(name));
  log(`procedures: ${procedures.join(', ') || 'none'}`);
  log(`data sets (${config.seedDemo ? 'base and demo' : 'base only'}): ${dataSets.join(', ')}`);
  const administratorLine = describeAdministrator(administrator);
  if (administratorLine) log(administratorLine);
  await handle.exec('analyze');
  return { migrations, procedures, dataSets, administrator };
}
