import { pgSchema } from 'drizzle-orm/pg-core';

export const authSchema = pgSchema('auth');
export const userType = authSchema.enum('user_type', ['human', 'machine']);
