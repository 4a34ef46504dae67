import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './users.js';
import './organizations.js';
import './channels.js';
import './messages.js';
import './bots.js';
import './errors.js';
import './auth.js';
import './rbac.js';
import './apps.js';
import './locales.js';
import './notifications.js';
import './files.js';
import './audit.js';
import './organization-mutations.js';
import './channel-mutations.js';
import './organization-member-mutations.js';
import './message-mutations.js';
import './user-mutations.js';
import './rbac-mutations.js';
import './rbac-grant-mutations.js';
import './bot-mutations.js';
import './platform-mutations.js';

/** The executable schema, with types and fields in a stable (sorted) order. */
export const schema = lexicographicSortSchema(builder.toSchema());
