import { setProcessLogger, silentLogger } from '../src/observe/logger.js';

// Gateways made inside tests log nothing (a test that reads lines passes its own logger). Not
// through LOG_LEVEL: processes the tests spawn inherit the environment and must log as usual.
setProcessLogger(silentLogger());
