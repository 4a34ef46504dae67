import { describe, expect, it } from 'vitest';
import { topics } from '../../src/realtime/events.js';
import { demoUsers, globalId } from '../policies.js';
import { useLiveGateway, waitFor } from '../realtime/harness.js';
import { CHANNEL } from './helpers.js';

// A notification written by a trigger goes through the event log to its recipient's
// notificationEvents, judged by the notification read rule: one's own, never another's.
describe('notifications delivered live', () => {
  const gateway = useLiveGateway();
  const query = 'subscription { notificationEvents { kind notification { type title user { id } } } }';

  it("a subscriber receives its own notification and not others'", async () => {
    const carol = await gateway().subscribe('distinct', 'carol', query, {}, topics.user(demoUsers.carol));
    const dave = await gateway().subscribe('distinct', 'dave', query, {}, topics.user(demoUsers.dave));
    const response = await gateway().execute(
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }',
      { input: { channelId: globalId('Channel', CHANNEL.general), content: 'Welcome back @Carol Schmidt' } },
      await gateway().headersFor('bob'),
    );
    expect(response.data.sendMessage.__typename).toBe('MessagePayload');
    expect((await carol.result(0)).data!.notificationEvents).toEqual({
      kind: 'CREATED',
      notification: { type: 'mention', title: 'Bob Baker hat Sie erwähnt', user: { id: globalId('User', demoUsers.carol) } },
    });
    await waitFor(() => gateway().realtime.hub.stats().pending === 0, 'the events to be judged');
    expect(dave.results).toEqual([]);
    carol.close();
    dave.close();
  });
});
