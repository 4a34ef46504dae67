import { channelGid } from '../mutations/message-helpers.js';

/** What one request got: acknowledged, the retryable 503, or anything else (a failure of the test). */
export interface Outcome {
  kind: 'write' | 'read';
  /** The unique text of a write. */
  content?: string;
  answer: 'ok' | 'unavailable' | 'other';
  detail?: string;
  sentAt: number;
  answeredAt: number;
}

const SEND = `mutation ($input: SendMessageInput!) {
  sendMessage(input: $input) { __typename ... on MessagePayload { chatMessage { content } } ... on Error { error: message } }
}`;
// The same document every time, so after the first answer it is served by its compiled statement.
const READ = `query ($id: ID!) { channel(id: $id) { name messages(first: 5) { nodes { content } } } }`;

/** A request never waits longer than this: past it, the gateway is taken to hang. */
const REQUEST_BOUND_MS = 20_000;

async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_BOUND_MS),
  });
  const text = await response.text();
  let body: { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Left empty: judged as "other" below.
  }
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body, text };
}

type Answer = Awaited<ReturnType<typeof post>>;

/** The 503 of a database fault: every error DATABASE_UNAVAILABLE, with Retry-After. */
const unavailable = (answer: Answer) =>
  answer.status === 503 &&
  answer.retryAfter !== null &&
  Number(answer.retryAfter) > 0 &&
  !!answer.body.errors?.length &&
  answer.body.errors.every((error) => error.extensions?.code === 'DATABASE_UNAVAILABLE');

async function attempt(kind: Outcome['kind'], content: string | undefined, request: () => Promise<Answer>, ok: (answer: Answer) => boolean): Promise<Outcome> {
  const sentAt = Date.now();
  const outcome = (answer: Outcome['answer'], detail?: string): Outcome => ({ kind, content, answer, detail, sentAt, answeredAt: Date.now() });
  try {
    const answer = await request();
    if (answer.status === 200 && !answer.body.errors && ok(answer)) return outcome('ok');
    if (unavailable(answer)) return outcome('unavailable');
    return outcome('other', `${answer.status} retry-after=${answer.retryAfter} ${answer.text.slice(0, 300)}`);
  } catch (error) {
    return outcome('other', `request failed: ${(error as Error).message}`);
  }
}

export interface Load {
  /** Stops sending, waits for the requests in flight, and returns every outcome. */
  stop(): Promise<Outcome[]>;
}

/**
 * `writers` loops of sendMessage to acme #general (each write a unique content) and `readers`
 * loops of one read, each request after the previous one's answer, until stopped.
 */
export function startLoad(url: string, tokens: string[], label: string, { writers = 20, readers = 2 } = {}): Load {
  const outcomes: Outcome[] = [];
  let running = true;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
  const writer = async (index: number) => {
    const token = tokens[index % tokens.length]!;
    for (let seq = 0; running; seq++) {
      const content = `fault-${label}-${index}-${seq}`;
      const variables = { input: { channelId: channelGid(1), content } };
      const outcome = await attempt('write', content, () => post(url, token, SEND, variables), (answer) => answer.body.data?.sendMessage?.chatMessage?.content === content);
      outcomes.push(outcome);
      if (outcome.answer !== 'ok') await pause();
    }
  };
  const reader = async (index: number) => {
    const token = tokens[index % tokens.length]!;
    while (running) {
      const outcome = await attempt('read', undefined, () => post(url, token, READ, { id: channelGid(1) }), (answer) => answer.body.data?.channel?.name === 'general');
      outcomes.push(outcome);
      await pause();
    }
  };
  const loops = [...Array.from({ length: writers }, (_, i) => writer(i)), ...Array.from({ length: readers }, (_, i) => reader(i))];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
