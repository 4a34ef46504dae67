import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type QueryLimits } from '../../src/limits/limits.js';
import { schema } from '../../src/schema/index.js';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, inPathOrder, type GraphQLResponse, type TestGateway } from '../gateway.js';
import type { DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';
import { emptyHarvest, generateDocuments, harvestAnswer, readTypes, selectedFields, type Document } from './documents.js';

/**
 * Compiled reads answer exactly what the normal engine answers, for every field of the read
 * schema (object types reachable from Query), for every demo actor, errors included: the documents
 * are generated from the schema (./documents.ts), with IDs of rows some actors may see and others
 * may not, so guarded fields answer FORBIDDEN on some rows.
 */

const actors: (DemoUser | 'anonymous')[] = ['anonymous', 'alice', 'bob', 'carol', 'gina', 'hanna', 'istvan', 'admin', 'bot'];

// The documents select every field at once: far past the limits of one client request, which are not what this file tests.
const limits: QueryLimits = { ...DEFAULT_LIMITS, queryLength: 100_000, tokens: 100_000, depth: 30, aliases: 1_000, cost: 100_000_000 };

let gateway: TestGateway;
let reference: Yoga;
let documents: Document[] = [];
const actorHeaders = new Map<string, Record<string, string>>();

async function post(yoga: Yoga, query: string, headers: Record<string, string>): Promise<{ status: number; json: GraphQLResponse }> {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, json: (await response.json()) as GraphQLResponse };
}

const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

beforeAll(async () => {
  gateway = await createTestGateway({ limits });
  // The normal engine alone, over the same database.
  reference = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false, limits });
  for (const actor of actors) actorHeaders.set(actor, actor === 'anonymous' ? {} : await headersFor(gateway, actor));
  // First stage: the argument-free documents, run by everyone, give the IDs and values the others ask with.
  const harvest = emptyHarvest();
  for (const document of generateDocuments(schema, harvest))
    for (const actor of actors) harvestAnswer(schema, harvest, actor, (await post(reference, document.query, actorHeaders.get(actor)!)).json.data);
  documents = generateDocuments(schema, harvest);
}, 120_000);

afterAll(async () => {
  await reference?.dispose();
  await gateway?.close();
});

/** Root fields the engine answers by design (README "What compiled reads leave to the engine"): their documents are compared, not compiled. */
const ENGINE_ONLY = new Set(['translations']);

describe('every field of the read schema, compiled and not', () => {
  it('the generated documents select every field of every type reachable from Query', () => {
    const selected = selectedFields(schema, documents);
    const fields = readTypes(schema).flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    const missing = fields.filter((field) => !selected.has(field));
    console.log(`every-field coverage: ${fields.length - missing.length} of ${fields.length} read-schema fields selected by ${documents.length} documents`);
    expect(missing).toEqual([]);
    // The generator makes each root field's document (node: one per node type); a stage that lost its data would lose these.
    expect(documents.map((document) => document.name)).toEqual(expect.arrayContaining(['channel', 'messages', 'organization', 'user', 'node User', 'nodes']));
  });

  // The documents exist only after the first stage ran; one test per root field's slot, named when it runs.
  const slots = [...Object.keys(schema.getQueryType()!.getFields())].sort();
  for (const root of slots) {
    it(`Query.${root}`, async () => {
      const mine = documents.filter((document) => document.name === root || document.name.startsWith(`${root} `));
      expect(mine.length, 'a document for this root field').toBeGreaterThan(0);
      for (const document of mine) {
        for (const actor of actors) {
          const headers = actorHeaders.get(actor)!;
          const label = `${document.name} as ${actor}`;
          const expected = await post(reference, document.query, headers);
          expect(expected.json.data, `${label}: the engine answers with data`).toBeTruthy();
          expect((expected.json.errors ?? []).filter((error) => !error.path), `${label}: the document itself is valid`).toEqual([]);
          const first = await post(gateway.yoga, document.query, headers);
          gateway.statements.reset();
          const second = await post(gateway.yoga, document.query, headers);
          expect.soft(gateway.statements.log.some(isCompiled), `${label}: served by a compiled statement`).toBe(!ENGINE_ONLY.has(root));
          expect.soft(inPathOrder(first.json), label).toEqual(inPathOrder(expected.json));
          expect.soft(inPathOrder(second.json), label).toEqual(inPathOrder(expected.json));
          expect.soft(second.status, label).toBe(expected.status);
        }
      }
    }, 120_000);
  }
});
