import {
  getNamedType,
  getOperationAST,
  GraphQLError,
  isInputObjectType,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authenticateRequest, type Context } from '../context.js';
import type { RequestHead } from '../http/request-head.js';
import type { Database } from '../db/client.js';
import type { ErrorCode } from '../errors.js';
import { clientAddress, isLoopback } from './client-address.js';
import { gateOnRequest, type Gate } from './gate.js';
import { MemoryRateLimitStore, ruleEnabled, type BucketRule, type RateLimitStore } from './rate-limit.js';

/** The limits, each a token bucket per key; a rule with 0 is off. */
export interface RateLimitRules {
  /** Every request from one client address. */
  address: BucketRule;
  /** Every request of one signed-in user or bot (whatever address it comes from). */
  viewer: BucketRule;
  /** Password operations (signIn, signUp, changePassword, requestPasswordReset, resetPassword: each such field of a request counts) from one client address. */
  password: BucketRule;
  /** Requests whose credentials were refused, from one client address: token guessing. */
  refusedCredentials: BucketRule;
}

export interface RateLimitOptions extends RateLimitRules {
  /** Proxies in front whose X-Forwarded-For entry is believed (0: the socket's peer is the client). */
  trustProxy: number;
  /** Loopback clients skip the address and viewer buckets (the password and refused-credential ones still apply). */
  exemptLoopback?: boolean;
  /** Buckets the memory store keeps at most. */
  maxBuckets: number;
  /** Where buckets live; default: this process's memory. */
  store?: RateLimitStore;
  /** The clock (ms); tests inject one. */
  now?: () => number;
}

type Limit = keyof RateLimitRules;
interface Refusal {
  limit: Limit;
  retryAfterMs: number;
}

export const RATE_LIMITED = 'RATE_LIMITED' satisfies ErrorCode;

/** Whole seconds for Retry-After; a request larger than a full bucket is told the time to fill it. */
function retryAfterSeconds({ limit, retryAfterMs }: Refusal, rules: RateLimitRules): number {
  const ms = Number.isFinite(retryAfterMs) ? retryAfterMs : (rules[limit].burst / rules[limit].perMinute) * 60_000;
  return Math.max(1, Math.ceil(ms / 1000));
}

function refusalBody(refusal: Refusal, seconds: number) {
  const tooLarge = !Number.isFinite(refusal.retryAfterMs);
  const message = tooLarge ? `This request asks for more than the ${refusal.limit} rate limit allows at once.` : `Too many requests; retry after ${seconds} s.`;
  return { message, extensions: { code: RATE_LIMITED, limit: refusal.limit, retryAfter: seconds } };
}

/** Root mutation fields that take a password (an argument, or a field of an input object, named like one) or are named for one (requestPasswordReset). */
export function passwordFields(schema: GraphQLSchema): Set<string> {
  const named = (name: string) => /password/i.test(name);
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  return new Set(
    fields
      .filter((field) =>
        named(field.name) ||
        field.args.some((arg) => {
          const type = getNamedType(arg.type);
          return named(arg.name) || (isInputObjectType(type) && Object.keys(type.getFields()).some(named));
        }),
      )
      .map((field) => field.name),
  );
}

/** How many of `fields` the executed mutation selects at its root (aliases and fragments included). */
export function countRootFields(document: DocumentNode, operationName: string | null | undefined, fields: Set<string>): number {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return 0;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const count = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (fields.has(selection.name.value) ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return sum;
      seen.add(fragment.name.value);
      return sum + count(fragment.selectionSet);
    }, 0);
  return count(operation.selectionSet);
}

/**
 * Rate limits, as the first gate, so every request is counted once before the compiled fast
 * path or the engine sees it: per client address, then (for a request with credentials) refused
 * credentials per address and per viewer; password mutations per address once they are parsed
 * (the plugin's onExecute).
 */
export function createRateLimits(db: Database, schema: GraphQLSchema, options: RateLimitOptions): { gate: Gate; plugin: Plugin<Context> } {
  const store = options.store ?? new MemoryRateLimitStore({ maxBuckets: options.maxBuckets });
  const now = options.now ?? Date.now;
  const passwords = passwordFields(schema);
  const addresses = new WeakMap<RequestHead, string>();

  async function take(limit: Limit, key: string, cost = 1): Promise<Refusal | null> {
    const rule = options[limit];
    if (!ruleEnabled(rule)) return null;
    const decision = await store.take(`${limit}:${key}`, rule, cost, now());
    return decision.allowed ? null : { limit, retryAfterMs: decision.retryAfterMs };
  }

  async function admit(request: RequestHead, address: string): Promise<Refusal | null> {
    const general = !(options.exemptLoopback && isLoopback(address));
    const byAddress = general ? await take('address', address) : null;
    if (byAddress || !request.headers.has('authorization')) return byAddress;
    // After too many refused credentials an address's tokens are not even looked up: a guess would tell nothing.
    const guessing = await take('refusedCredentials', address, 0);
    if (guessing) return guessing;
    const authentication = await authenticateRequest(db, request).catch(() => null);
    // A database error is the engine's to report (it asks for the same memoized authentication).
    if (!authentication) return null;
    if (authentication.credentialsError) {
      await take('refusedCredentials', address);
      return null; // this request still gets its UNAUTHENTICATED answer
    }
    return authentication.viewer && general ? take('viewer', authentication.viewer.userId) : null;
  }

  const gate: Gate = {
    async pass(request, socketAddress) {
      const address = clientAddress(socketAddress, request.headers.get('x-forwarded-for'), options.trustProxy) ?? 'unknown';
      addresses.set(request, address);
      const refusal = await admit(request, address);
      if (!refusal) return {};
      const seconds = retryAfterSeconds(refusal, options);
      return { refused: { retryAfterSeconds: seconds, error: refusalBody(refusal, seconds) } };
    },
  };

  const plugin: Plugin<Context> = {
    onRequest: gateOnRequest(gate),
    onExecute({ args, setResultAndStopExecution }) {
      const cost = countRootFields(args.document, args.operationName, passwords);
      if (cost === 0) return;
      const context = args.contextValue as Partial<Context>;
      const address = (context.request && addresses.get(context.request)) ?? context.clientIp ?? 'unknown';
      return take('password', address, cost).then((refusal) => {
        if (!refusal) return;
        const seconds = retryAfterSeconds(refusal, options);
        const { message, extensions } = refusalBody(refusal, seconds);
        const http = { status: 429, headers: { 'retry-after': String(seconds) } };
        setResultAndStopExecution({ errors: [new GraphQLError(message, { extensions: { ...extensions, http } })] });
      });
    },
  };
  return { gate, plugin };
}
