import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './users.js';
import './organizations.js';
import './channels.js';
import './messages.js';
import './bots.js';

/** The executable schema, with types and fields in a stable (sorted) order. */
export const schema = lexicographicSortSchema(builder.toSchema());
