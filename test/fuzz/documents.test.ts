import { demoId, globalId } from '../policies.js';
import { documentFuzzSuite } from './document-suite.js';

const GENERAL = globalId('Channel', demoId(30, 1));
const MISSING_MESSAGE = globalId('Message', demoId(40, 999_999));
const b64 = (text: string) => Buffer.from(text).toString('base64');
// Hostile sizes of issue 11 (the generator's own sizes stay small so the run stays short): refused with a code, nothing 5xx.
const deep = (levels: number) => `{ channel(id: "${GENERAL}") { ${'organization { channels(first: 1) { nodes { '.repeat(levels)}id${' } } }'.repeat(levels)} } }`;
const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Queries built from the schema; the cases below were wrong before issue 12 item 7 and stay as fixed examples. */
documentFuzzSuite({
  name: 'queries',
  runs: 650,
  writes: false,
  regressions: [
    // A NUL in a string argument: INTERNAL_SERVER_ERROR from SQL, now BAD_USER_INPUT at input.
    { kind: 'query', query: '{ organizations(search: "a\\u0000") { nodes { id } } }', variables: {} },
    { kind: 'query', query: 'query ($s: String) { users(search: $s) { nodes { id } } }', variables: { s: '\u0000' } },
    { kind: 'query', query: 'query ($s: String!) { organization(slug: $s) { id } }', variables: { s: 'acme\u0000' } },
    { kind: 'query', query: `query ($s: String) { messages(channel: "${GENERAL}", contains: $s) { nodes { id } } }`, variables: { s: 'a\u0000' } },
    { kind: 'query', query: 'query ($s: String) { channels(nameContains: $s) { nodes { id } } }', variables: { s: 'a\u0000' } },
    // A global ID of a type the API does not have: an error without a code.
    { kind: 'query', query: `{ node(id: "${b64(`Galaxy:${demoId(30, 1)}`)}") { id } }`, variables: {} },
    { kind: 'query', query: `{ nodes(ids: ["${b64(`Query:${demoId(30, 1)}`)}"]) { id } }`, variables: {} },
    // nodes(ids) of a missing message with a relation: "Model messages(...) not found" as INTERNAL_SERVER_ERROR.
    { kind: 'query', query: `{ nodes(ids: ["${MISSING_MESSAGE}", "${GENERAL}"]) { id ... on Message { channel { id } } } }`, variables: {} },
    // Before the limits: a stack overflow, minutes of SQL, megabytes of introspection.
    { kind: 'query', query: deep(20), variables: {} },
    { kind: 'query', query: deep(1_500), variables: {} },
    { kind: 'query', query: aliased(1_000, `messages(channel: "${GENERAL}", first: 100) { nodes { reactions { nodes { emoji } } } }`), variables: {} },
    { kind: 'query', query: aliased(1_000, '__schema { types { name } }'), variables: {} },
    { kind: 'query', query: `{ organizations(first: 100) { nodes { channels(first: 100) { nodes { messages(first: 100) { nodes { reactions { nodes { emoji } } } } } } } } }`, variables: {} },
    { kind: 'query', query: `{ viewer { id ${'@include(if: true) '.repeat(2_000)}} }`, variables: {} },
  ],
});
