import { open } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createMetrics } from '../src/observe/metrics.js';
import { createRequestObserver } from '../src/observe/observer.js';
import { attachRecord, recordOf } from '../src/observe/request-record.js';

/**
 * What the access log and the metrics add to one request, measured alone: a record started and
 * attached as node's request and the front door's head see it, filled as a compiled read fills it,
 * finished (metrics, and a JSON line to /dev/null as in production). Prints microseconds per request.
 */
const devNull = await open('/dev/null', 'w');
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination({ dest: devNull.fd, sync: false }));
const observer = createRequestObserver(logger, process.env.METRICS === 'false' ? null : createMetrics({ processMetrics: false }));
const names = ['Workspace', 'Channel', 'Messages', 'Search'];

function once(i: number, withId: boolean) {
  const req = {};
  const head = {};
  const record = observer.start(withId ? `client-${i}` : undefined);
  attachRecord(req, record);
  attachRecord(head, recordOf(req)!);
  const found = recordOf(head)!;
  found.operationType = 'query';
  found.operationName = names[i % names.length]!;
  found.viewerId = 'a0000000-0000-4000-8000-000000000001';
  found.compiled = true;
  found.statements++;
  found.status = 200;
  observer.finish(found);
}

for (const withId of [false, true]) {
  for (let i = 0; i < 20_000; i++) once(i, withId); // warm up
  const rounds = 200_000;
  let spent = 0;
  // In batches, letting the log stream write between them as a server's event loop would.
  for (let batch = 0; batch < rounds / 1_000; batch++) {
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) once(batch * 1_000 + i, withId);
    spent += performance.now() - started;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const us = (spent * 1000) / rounds;
  console.log(`${withId ? 'x-request-id sent' : 'request id generated'}: ${us.toFixed(2)} µs per request (LOG_LEVEL=${process.env.LOG_LEVEL ?? 'info'}, METRICS=${process.env.METRICS ?? 'true'})`);
}
logger.flush();
