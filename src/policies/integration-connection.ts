import { integrationConnections, organizations } from '../db/schema/index.js';
import { ORGANIZATIONS_WRITE_SCOPE } from './organization.js';
import { defineRule } from './rule.js';
import { allOf, isAdmin, withinScope } from './viewer.js';

// An integration connection is organization configuration: reading and writing it are both A(o)
// (README "Added rules"). A bot acts on it only within `organizations:write`, the scope of every
// other organization-admin write; there is no narrower read scope, and its settings are admin-only
// like its writes. The credentials are write-only: no rule reads them, no field exposes them.

/** Read and write a connection: A(o) of its organization; a bot also needs `organizations:write`. */
export const canManageIntegrationConnection = defineRule('integrationConnection.manage', integrationConnections, (viewer, connection) =>
  allOf(withinScope(viewer, ORGANIZATIONS_WRITE_SCOPE), isAdmin(viewer, connection.organizationId)),
);

/** Add a connection to organization o: the same, A(o) (a bot within `organizations:write`). */
export const canConnectIntegrationIn = defineRule('integrationConnection.create', organizations, (viewer, organization) =>
  allOf(withinScope(viewer, ORGANIZATIONS_WRITE_SCOPE), isAdmin(viewer, organization.id)),
);
