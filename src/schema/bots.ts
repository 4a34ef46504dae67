import { builder } from '../builder.js';

export const Bot = builder.drizzleNode('bots', {
  name: 'Bot',
  id: { column: (bot) => bot.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    scopes: t.exposeStringList('scopes'),
    isPublic: t.exposeBoolean('isPublic'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    user: t.relation('user', { description: 'The machine user the bot acts as.' }),
    createdBy: t.relation('creator', { nullable: true }),
  }),
});
