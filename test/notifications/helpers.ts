import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { actorRunner, mutation, outcomeOf, sqlRows, type Actor } from '../mutations/platform-helpers.js';
import { demoId, demoUsers, globalId, type DemoUser } from '../policies.js';

/** Shared by the notification tests: demo ids, the mutations that produce notifications, the rows written. */

export const ACME = demoId(20, 1);
export const GLOBEX = demoId(20, 2);
export const CHANNEL = {
  general: demoId(30, 1),
  random: demoId(30, 2), // alice muted it
  design: demoId(30, 3), // private: alice, carol, dave
  aliceCarol: demoId(30, 4), // direct
  q1Thread: demoId(30, 5), // thread of #general: alice started it, bob wrote in it, dave follows
  altalanos: demoId(30, 11), // globex public; carol muted it
} as const;
export const message = (n: number) => demoId(40, n);
export const MEMBER = { carolInAcme: demoId(21, 3), daveInAcme: demoId(21, 4), bobInAcme: demoId(21, 2), juditInGlobex: demoId(21, 7) } as const;

export interface NotificationRow {
  user_id: string;
  type: string;
  organization_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  title: Record<string, string>;
  body: Record<string, string> | null;
  data: Record<string, unknown>;
}

/** A gateway of the file's own, with no notification left from the demo data before each test. */
export function useNotificationGateway() {
  let gateway: TestGateway;
  let run: ReturnType<typeof actorRunner>;
  beforeAll(async () => {
    gateway = await createTestGateway();
    run = actorRunner(gateway);
  });
  afterAll(() => gateway?.close());
  beforeEach(() => gateway.handle.exec('delete from platform.notifications'));

  /** Runs a mutation as an actor; fails the test unless it answers `expected` (a payload's __typename). */
  async function act(actor: Actor, name: string, inputType: string, input: Record<string, unknown>, expected: string): Promise<void> {
    const response = await run(actor, mutation(name, inputType), { input });
    const outcome = outcomeOf(response, name);
    if (outcome !== expected) throw new Error(`${name} as ${actor}: ${outcome} ${JSON.stringify(response)}`);
  }

  return {
    gateway: () => gateway,
    run: (actor: Actor, query: string, variables?: Record<string, unknown>) => run(actor, query, variables),
    act,
    send: (actor: DemoUser, channelId: string, content: string, extra: Record<string, unknown> = {}) =>
      act(actor, 'sendMessage', 'SendMessageInput', { channelId: globalId('Channel', channelId), content, ...extra }, 'MessagePayload'),
    /** Every notification written, in recipient order. */
    rows: () => sqlRows<NotificationRow>(gateway, 'select * from platform.notifications order by user_id, created_at, id'),
    /** recipient name -> kinds of notification they got, e.g. { carol: ['mention'] }. */
    async recipients(): Promise<Record<string, string[]>> {
      const byId = new Map(Object.entries(demoUsers).map(([name, id]) => [id as string, name]));
      const result: Record<string, string[]> = {};
      for (const row of await sqlRows<NotificationRow>(gateway, 'select * from platform.notifications order by user_id, created_at, id')) {
        const name = byId.get(row.user_id) ?? row.user_id;
        (result[name] ??= []).push(row.type);
      }
      return result;
    },
    sql: (text: string) => gateway.handle.exec(text),
  };
}
