import { sql } from 'drizzle-orm';
import { boolean, index, text, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../columns.js';
import { platformSchema } from './schema.js';

export const locales = platformSchema.table(
  'locales',
  {
    code: varchar('code', { length: 16 }).primaryKey(),
    name: text('name').notNull(),
    nativeName: text('native_name').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [uniqueIndex('locales_one_default').on(t.isDefault).where(sql`${t.isDefault}`)],
);

export const translations = platformSchema.table(
  'translations',
  {
    id: id(),
    locale: varchar('locale', { length: 16 })
      .notNull()
      .references(() => locales.code, { onUpdate: 'cascade' }),
    namespace: text('namespace').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('translations_locale_namespace_key').on(t.locale, t.namespace, t.key),
    index('translations_namespace_key_idx').on(t.namespace, t.key),
  ],
);
