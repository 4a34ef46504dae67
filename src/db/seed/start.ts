import type { Config } from '../../config.js';
import { logger } from '../../observe/logger.js';
import type { DatabaseHandle } from '../client.js';
import { describeAdministrator, isDatabaseEmpty, runSeeds } from './runner.js';

/**
 * `npm start` on a database without any user: the base data, the demo data where configured
 * (development, or SEED_DEMO=true), and the first administrator when ADMIN_USER_EMAIL is set.
 */
export async function seedEmptyDatabase(handle: DatabaseHandle, config: Config, log: (line: string) => void = (line) => logger().child({ component: 'seed' }).info(line)): Promise<void> {
  if (!config.seedOnStart || !(await isDatabaseEmpty(handle))) return;
  const { ran, administrator } = await runSeeds(handle, {
    demo: config.seedDemo,
    adminEmail: config.adminUserEmail,
    adminPassword: config.adminUserPassword,
  });
  log(`empty database: loaded ${config.seedDemo ? 'demo' : 'base'} data (${ran.join(', ')})`);
  const line = describeAdministrator(administrator);
  if (line) log(line);
  else if (!config.seedDemo) log('no administrator: set ADMIN_USER_EMAIL (and ADMIN_USER_PASSWORD) and start again, or run npm run db:seed with them');
}
