import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

describe('clients/generated is current', () => {
  it('holds what npm run codegen writes from clients/operations', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: resolve('.'), silent: true }, false);
    expect(outputs.map((output) => output.filename).sort()).toEqual(
      ['gql.ts', 'graphql.ts', 'index.ts', 'persisted-documents.json', 'possible-types.ts'].map((name) => join('clients/generated', name)),
    );
    for (const output of outputs) expect(readFileSync(output.filename, 'utf8'), `${output.filename}: run npm run codegen`).toBe(output.content);
  });

  it('the manifest holds every operation, keyed by the sha256 of its text (so an id is also an APQ hash)', async () => {
    const manifest = JSON.parse(readFileSync('clients/generated/persisted-documents.json', 'utf8')) as Record<string, string>;
    const { createHash } = await import('node:crypto');
    for (const [id, text] of Object.entries(manifest)) expect(id).toBe(`${createHash('sha256').update(text).digest('hex')}`);
    const names = Object.values(manifest).map((text) => /^(?:query|mutation|subscription) (\w+)/m.exec(text.slice(text.search(/(query|mutation|subscription) /)))?.[1]);
    expect(names).toEqual(expect.arrayContaining(['SignIn', 'Workspace', 'ChannelPage', 'SendMessage', 'EditMessage', 'AddReaction', 'Notifications', 'MarkNotificationRead', 'ChannelEvents', 'OrganizationEvents', 'NotificationEvents', 'TypingIndicators']));
  });
});
