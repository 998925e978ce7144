import type { FieldNode, GraphQLResolveInfo, GraphQLType, SelectionSetNode } from 'graphql';
import type { Permission } from '../../domain/identity/permissions.js';

/**
 * Reading a value of these types inside another result needs the type's read permission, as Plain's
 * docs list for the official SDK's fragments (createThread needs customer:read, label:read,
 * labelType:read, threadField:read, user:read and machineUser:read).
 */
const TYPE_PERMISSIONS: Readonly<Record<string, Permission>> = {
  Thread: 'thread:read',
  Customer: 'customer:read',
  User: 'user:read',
  MachineUser: 'machineUser:read',
  Label: 'label:read',
  LabelType: 'labelType:read',
  ThreadField: 'threadField:read',
  ThreadFieldSchema: 'threadFieldSchema:read',
  TimelineEntry: 'timeline:read',
  Note: 'note:read',
  Workspace: 'workspace:read',
  ApiKey: 'apiKey:read',
};

/** A named type as far as this walk needs it: its name, and the types of its fields if it has fields. */
interface NamedType {
  name: string;
  getFields?: () => Record<string, { type: GraphQLType }>;
}

// Structural, not graphql-js's isObjectType() and friends: Mercurius loads graphql as CommonJS and
// this module as ESM, two copies whose instanceof checks reject each other's types.
function namedTypeOf(type: unknown): NamedType {
  let inner = type as { ofType?: unknown };
  while (inner.ofType) inner = inner.ofType as { ofType?: unknown };
  return inner as NamedType;
}

// A cached document hands the same field node to every request, so the walk runs once per document.
const cache = new WeakMap<FieldNode, readonly Permission[]>();

/**
 * The permissions the selection below a root field needs: those of every type it reaches deeper than
 * `entityDepth` (0 for a query, whose value is the entity its own permission covers; 1 for a
 * mutation, whose output holds the entity). Fragments and inline fragments count by type condition.
 */
export function nestedPermissions(info: GraphQLResolveInfo, entityDepth: number): readonly Permission[] {
  const root = info.fieldNodes[0]!;
  const cached = cache.get(root);
  if (cached) return cached;
  const found = new Set<Permission>();
  const need = (type: NamedType, depth: number) => {
    const permission = TYPE_PERMISSIONS[type.name];
    if (permission && depth > entityDepth) found.add(permission);
  };
  const visit = (selectionSet: SelectionSetNode | undefined, parent: NamedType, depth: number) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') {
        const field = parent.getFields?.()[selection.name.value];
        if (!field || !selection.selectionSet) continue;
        const type = namedTypeOf(field.type);
        need(type, depth + 1);
        visit(selection.selectionSet, type, depth + 1);
      } else {
        const fragment =
          selection.kind === 'FragmentSpread' ? info.fragments[selection.name.value] : selection;
        const condition = fragment?.typeCondition && info.schema.getType(fragment.typeCondition.name.value);
        const type = condition ? namedTypeOf(condition) : parent;
        need(type, depth);
        visit(fragment?.selectionSet, type, depth);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, namedTypeOf(info.returnType), 0);
  const permissions = [...found];
  cache.set(root, permissions);
  return permissions;
}
