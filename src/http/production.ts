import { getOperationAST, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import { sql } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { clientError } from '../errors.js';
import { hasPermission } from '../policies/viewer.js';

/** The permission (seeds/rbac.sql) that lets a viewer introspect where introspection is turned off. */
export const INTROSPECTION_PERMISSION = 'api.introspect';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** True when the operation to run selects `__schema` or `__type` (at any depth, through fragments); `__typename` is not introspection. */
export function selectsIntrospection(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value) || walk(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      if (visited.has(selection.name.value)) return false;
      visited.add(selection.name.value);
      return walk(fragments.get(selection.name.value)?.selectionSet);
    });
  return walk(operation.selectionSet);
}

async function holdsIntrospectionPermission(context: Context): Promise<boolean> {
  if (!context.viewer) return false;
  const result = await context.db.execute(sql`select ${hasPermission(context.viewer, INTROSPECTION_PERMISSION)} as "allowed"`);
  return (result as unknown as { rows: { allowed: boolean }[] }).rows[0]?.allowed === true;
}

/**
 * Introspection only where it is turned on (INTROSPECTION, on outside production) or for a viewer
 * holding `api.introspect`; anyone else gets FORBIDDEN before anything runs. Checked when the
 * operation executes (the viewer is known then); compiled reads never compile introspection
 * (src/compiled/template.ts finds no `__schema` among the Query fields), so this is the one path.
 */
export function useIntrospectionGate(enabled: boolean): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (enabled || !selectsIntrospection(args.document, args.operationName)) return;
      return holdsIntrospectionPermission(args.contextValue).then((allowed) => {
        if (!allowed) {
          setResultAndStopExecution({ errors: [clientError(`Introspection is turned off on this server; it needs the permission ${INTROSPECTION_PERMISSION}.`, 'FORBIDDEN')] });
        }
      });
    },
  };
}
