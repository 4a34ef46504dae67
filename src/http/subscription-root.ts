import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * A subscription's root field must not carry @skip or @include (the GraphQL spec's single root field
 * rule; graphql-js 17 checks it, 16 does not): graphql-js 16 then finds no field to subscribe to and
 * fails with a TypeError, which was a masked internal error. Refused in validation instead.
 */
function conditionalRoot(context: ValidationContext, selectionSet: SelectionSetNode, seen = new Set<string>()): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.directives?.some((directive) => directive.name.value === 'skip' || directive.name.value === 'include')) return true;
    if (selection.kind === Kind.INLINE_FRAGMENT) return conditionalRoot(context, selection.selectionSet, seen);
    if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      return fragment ? conditionalRoot(context, fragment.selectionSet, seen) : false;
    }
    return false;
  });
}

function NoConditionalSubscriptionRootRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription' && conditionalRoot(context, node.selectionSet)) {
        context.reportError(new GraphQLError('A subscription must not use @skip or @include on its root field.', { nodes: [node] }));
      }
    },
  };
}

export function useSubscriptionRootRule(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoConditionalSubscriptionRootRule);
    },
  };
}
