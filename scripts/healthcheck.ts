/**
 * The container's health check (Dockerfile HEALTHCHECK, docker-compose.yml): exits 0 when this
 * gateway's `/health` (PORT and HOST as `npm start` reads them) answers 2xx within 2 s, else 1.
 */
import { loadConfig } from '../src/config.js';

const { port, host } = loadConfig();
// A gateway listening on every interface is asked on loopback.
const target = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

try {
  const response = await fetch(`http://${target}:${port}/health`, { signal: AbortSignal.timeout(2_000) });
  process.exitCode = response.ok ? 0 : 1;
} catch {
  process.exitCode = 1;
}
