import { notifications } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { isSelf } from './viewer.js';

/** Read and mark read: only its user. */
export const canSeeNotification = defineRule('notification.read', notifications, (viewer, notification) =>
  isSelf(viewer, notification.userId),
);
