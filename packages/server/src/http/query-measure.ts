/**
 * What a GraphQL operation would cost to run, read off its document before validation: depth,
 * a static cost, aliases and root fields. Fragments are expanded (each once, memoised), so a
 * fragment spread many times counts as many times, and fragments spreading fragments cannot make
 * the walk itself exponential.
 *
 * Types are read structurally (`ofType`, `getFields`, the printed type), never with graphql-js's
 * `isListType`: Mercurius builds the schema with the CommonJS copy of graphql and this module is ESM.
 */
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';

/** The figures of one operation. */
export interface OperationMeasure {
  /** The operation's name, or null for an anonymous one. */
  name: string | null;
  /** Levels of nested fields: `{ a { b } }` is 2. */
  depth: number;
  /** Every field selected, lists multiplied by how many items they may hold. */
  cost: number;
  /** Fields selected under another response name. */
  aliases: number;
  /** Fields selected at the root. */
  rootFields: number;
  /** Whether it reads `__schema` or `__type`. */
  introspects: boolean;
}

/** How list fields weigh in the cost. */
export const COST_WEIGHTS = {
  /** Items a page holds when `first`/`last` is a variable (the most a page may hold). */
  pageFromVariable: 100,
  /** Items a page holds without `first`/`last` (the default page size). */
  pageDefault: 25,
  /** Items assumed in a list field without paging arguments (labels, components, fields). */
  list: 10,
} as const;

interface FieldDef {
  type: unknown;
  args?: readonly { name: string }[];
}
interface CompositeType {
  name: string;
  getFields?: () => Record<string, FieldDef>;
}
/** The part of GraphQLSchema read here. */
export interface SchemaLike {
  getType(name: string): unknown;
  getQueryType(): unknown;
  getMutationType(): unknown;
  getSubscriptionType(): unknown;
}

interface Figures {
  depth: number;
  cost: number;
  aliases: number;
  introspects: boolean;
}

const NOTHING: Figures = { depth: 0, cost: 0, aliases: 0, introspects: false };

function namedType(type: unknown): CompositeType | undefined {
  let inner = type as { ofType?: unknown } | undefined;
  while (inner?.ofType) inner = inner.ofType as { ofType?: unknown };
  return inner as CompositeType | undefined;
}

/** An object type, as opposed to a union or interface (read by class name: see the header). */
function isObjectType(type: unknown): boolean {
  return (type as { constructor?: { name?: string } } | undefined)?.constructor?.name === 'GraphQLObjectType';
}

function isListType(type: unknown): boolean {
  return String(type).startsWith('[');
}

function argumentNames(field: FieldNode, def: FieldDef | undefined): Set<string> {
  return new Set(def?.args?.map((a) => a.name) ?? field.arguments?.map((a) => a.name.value) ?? []);
}

/** Items a paged field may return: its literal `first`/`last` (capped at a page), else a default. */
function pageSize(field: FieldNode): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!arg) return COST_WEIGHTS.pageDefault;
  const value: ValueNode = arg.value;
  if (value.kind === 'IntValue') {
    // Above a page the domain refuses it with a clearer message than "too complex" would be.
    return Math.min(Math.max(Number(value.value), 0), COST_WEIGHTS.pageFromVariable);
  }
  return COST_WEIGHTS.pageFromVariable;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Measures every operation of `document` against `schema`. Unknown names cost 1 and end the walk there. */
export function measureDocument(schema: SchemaLike, document: DocumentNode): OperationMeasure[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const memo = new Map<string, Figures>();
  const visiting = new Set<string>();

  function measureFragment(name: string, pageItems: number): Figures {
    const key = `${name}|${pageItems}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    // An unknown or cyclic fragment is for validation to refuse; it adds nothing here.
    if (!fragment || visiting.has(name)) return NOTHING;
    visiting.add(name);
    const figures = measureSelections(
      fragment.selectionSet,
      schema.getType(fragment.typeCondition.name.value) as CompositeType | undefined,
      pageItems,
    );
    visiting.delete(name);
    memo.set(key, figures);
    return figures;
  }

  /**
   * `pageItems` > 0: this selection set is a connection's, whose list fields hold a page.
   * On a union or interface, fragments on different object types are alternatives (an `Entry` is a
   * note or a chat, never both), so they cost the most expensive of them, not their sum; everything
   * else in the set (fields, fragments on abstract types) is added to every alternative.
   */
  function measureSelections(
    set: SelectionSetNode,
    parent: CompositeType | undefined,
    pageItems: number,
  ): Figures {
    let depth = 0;
    let cost = 0;
    let aliases = 0;
    let introspects = false;
    const alternatives = new Map<string, number>();
    const add = (f: Figures, alternative?: string) => {
      depth = Math.max(depth, f.depth);
      aliases += f.aliases;
      introspects ||= f.introspects;
      if (alternative) alternatives.set(alternative, (alternatives.get(alternative) ?? 0) + f.cost);
      else cost += f.cost;
    };
    const parentIsAbstract = parent !== undefined && !isObjectType(parent);
    /** The object type a fragment narrows an abstract parent to, if it does. */
    const alternativeOf = (condition: string | undefined) => {
      if (!parentIsAbstract || condition === undefined) return undefined;
      return isObjectType(schema.getType(condition)) ? condition : undefined;
    };
    for (const selection of set.selections) {
      if (selection.kind === 'FragmentSpread') {
        const condition = fragments.get(selection.name.value)?.typeCondition.name.value;
        add(measureFragment(selection.name.value, pageItems), alternativeOf(condition));
      } else if (selection.kind === 'InlineFragment') {
        const condition = selection.typeCondition?.name.value;
        const typed = condition ? (schema.getType(condition) as CompositeType | undefined) : parent;
        add(measureSelections(selection.selectionSet, typed, pageItems), alternativeOf(condition));
      } else {
        add(measureField(selection, parent, pageItems));
      }
    }
    return { depth, cost: cost + Math.max(0, ...alternatives.values()), aliases, introspects };
  }

  function measureField(field: FieldNode, parent: CompositeType | undefined, pageItems: number): Figures {
    const name = field.name.value;
    const def = parent?.getFields?.()[name];
    const alias = field.alias && field.alias.value !== name ? 1 : 0;
    const introspects = INTROSPECTION_FIELDS.has(name);
    if (!field.selectionSet) return { depth: 1, cost: 1, aliases: alias, introspects };
    const isPaged = argumentNames(field, def).has('first');
    const children = measureSelections(
      field.selectionSet,
      introspects ? undefined : namedType(def?.type),
      isPaged ? pageSize(field) : 0,
    );
    const items = def && isListType(def.type) ? pageItems || COST_WEIGHTS.list : 1;
    return {
      depth: children.depth + 1,
      cost: 1 + items * children.cost,
      aliases: alias + children.aliases,
      introspects: introspects || children.introspects,
    };
  }

  const measures: OperationMeasure[] = [];
  for (const d of document.definitions) {
    if (d.kind !== 'OperationDefinition') continue;
    const root = rootType(schema, d);
    const figures = measureSelections(d.selectionSet, root, 0);
    measures.push({
      name: d.name?.value ?? null,
      depth: figures.depth,
      cost: figures.cost,
      aliases: figures.aliases,
      rootFields: countRootFields(d.selectionSet, fragments, new Map()),
      introspects: figures.introspects,
    });
  }
  return measures;
}

function rootType(schema: SchemaLike, operation: OperationDefinitionNode): CompositeType | undefined {
  const type =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return (type ?? undefined) as CompositeType | undefined;
}

/** Root fields as written, through fragments (each counted once per spread, memoised per fragment). */
function countRootFields(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === 'Field') count++;
    else if (selection.kind === 'InlineFragment')
      count += countRootFields(selection.selectionSet, fragments, memo);
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || memo.get(name) === -1) continue; // unknown or cyclic: validation refuses it
      let known = memo.get(name);
      if (known === undefined) {
        memo.set(name, -1);
        known = countRootFields(fragment.selectionSet, fragments, memo);
        memo.set(name, known);
      }
      count += known;
    }
  }
  return count;
}
