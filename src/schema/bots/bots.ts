import { builder } from '../../builder.js';
import { canSeeBot } from '../../policies/bot.js';
import { canSeeUser } from '../../policies/user.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { localizedFields } from '../core/localized.js';

export const Bot = builder.drizzleNode('bots', {
  name: 'Bot',
  id: { column: (bot) => bot.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    ...localizedFields(t, 'description', { nullable: true, description: 'What the bot does' }),
    scopes: t.exposeStringList('scopes'),
    isPublic: t.exposeBoolean('isPublic'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    user: t.relation('user', {
      nullable: true,
      description: 'The machine user the bot acts as (null where its profile is hidden from the viewer).',
      query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }),
    }),
    createdBy: t.relation('creator', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
  }),
});
nodeReadRule('Bot', canSeeBot);
