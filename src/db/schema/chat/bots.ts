import { boolean, index, text } from 'drizzle-orm/pg-core';
import { actorRef, userRef } from '../auth/users.js';
import { createdAt, deletedAt, id, localized, localizedCheck, updatedAt } from '../columns.js';
import { chatSchema } from './schema.js';

export const bots = chatSchema.table(
  'bots',
  {
    id: id(),
    userId: userRef('user_id').notNull().unique('bots_user'),
    createdBy: actorRef('created_by'),
    name: text('name').notNull(),
    description: localized('description'),
    tokenHash: text('token_hash').notNull().unique('bots_token_hash'),
    scopes: text('scopes').array().notNull().default([]),
    isPublic: boolean('is_public').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [localizedCheck('bots_description_localized', t.description, true), index('bots_created_by_idx').on(t.createdBy)],
);
