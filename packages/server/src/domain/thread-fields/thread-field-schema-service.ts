import { z } from 'zod';
import { type Db, UniqueViolation } from '../../storage/db.js';
import { findLabelTypes } from '../../storage/label-type-repository.js';
import type { ThreadFieldSchemaRecord } from '../../storage/thread-field-schema-repository.js';
import * as schemas from '../../storage/thread-field-schema-repository.js';
import { madeBy } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { DomainError, notFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { FieldErrors, parseInput, requiredString } from '../validation.js';
import { checkSchemaRules, SCHEMA_KEY_PATTERN, SCHEMA_LIMITS } from './thread-field-schema-rules.js';
import type { ThreadFieldValueInput } from './thread-field-value.js';

const type = z.enum(['STRING', 'BOOL', 'ENUM', 'NUMBER', 'CURRENCY', 'DATE']);
const enumValues = z.array(requiredString(SCHEMA_LIMITS.label)).max(SCHEMA_LIMITS.enumValues);
const order = z.number().int().min(0).max(SCHEMA_LIMITS.order);
const dependsOnThreadField = z.object({
  threadFieldSchemaId: z.string(),
  threadFieldSchemaValue: z.string().max(500),
});
const labelTypeIds = z.array(z.string()).max(100);

const createInput = z.object({
  label: requiredString(SCHEMA_LIMITS.label),
  key: z.string().min(1).max(SCHEMA_LIMITS.key).regex(SCHEMA_KEY_PATTERN, {
    error: 'Use only letters, digits, "_" and "-".',
  }),
  description: z.string().max(SCHEMA_LIMITS.description),
  order,
  type,
  enumValues,
  isRequired: z.boolean(),
  defaultStringValue: z.string().nullish(),
  defaultBooleanValue: z.boolean().nullish(),
  defaultNumberValue: z.number().nullish(),
  defaultDateValue: z.string().nullish(),
  isAiAutoFillEnabled: z.boolean(),
  isClientReadonly: z.boolean().nullish(),
  dependsOnThreadField: dependsOnThreadField.nullish(),
  dependsOnLabelTypeIds: labelTypeIds.nullish(),
});

const wrapped = <T extends z.ZodType>(value: T) => z.object({ value }).nullish();
const updateInput = z.object({
  threadFieldSchemaId: z.string(),
  label: wrapped(requiredString(SCHEMA_LIMITS.label)),
  description: wrapped(z.string().max(SCHEMA_LIMITS.description)),
  order: order.nullish(),
  enumValues: enumValues.nullish(),
  isRequired: z.boolean().nullish(),
  defaultStringValue: wrapped(z.string().nullish()),
  defaultBooleanValue: wrapped(z.boolean().nullish()),
  defaultNumberValue: wrapped(z.number().nullish()),
  defaultDateValue: wrapped(z.string().nullish()),
  isAiAutoFillEnabled: z.boolean().nullish(),
  isClientReadonly: z.boolean().nullish(),
  dependsOnThreadField: wrapped(dependsOnThreadField.nullish()),
  dependsOnLabelTypeIds: labelTypeIds.nullish(),
});

/** The default as the caller sent it, in value-input form, or null when no default member is set. */
function defaultsInput(
  draft: Pick<ThreadFieldSchemaRecord, 'type'>,
  d: {
    stringValue?: string | null;
    booleanValue?: boolean | null;
    numberValue?: number | null;
    dateValue?: string | null;
  },
): ThreadFieldValueInput | null {
  const anySet = [d.stringValue, d.booleanValue, d.numberValue, d.dateValue].some((v) => v != null);
  return anySet ? { type: draft.type, ...d } : null;
}

/** Thread field schemas: the typed fields a workspace's threads can carry. */
export function createThreadFieldSchemaService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** Checks the cross-field rules and references of a draft; throws with every failed field. */
  async function check(
    caller: Caller,
    draft: ThreadFieldSchemaRecord,
    defaults: ThreadFieldValueInput | null,
  ): Promise<ThreadFieldSchemaRecord> {
    const errors = new FieldErrors();
    const dependsOnId = draft.dependsOnThreadField?.threadFieldSchemaId;
    const dependsOn = dependsOnId
      ? await schemas.findThreadFieldSchema(db, caller.workspaceId, dependsOnId)
      : null;
    checkSchemaRules(draft, defaults, dependsOn, errors);
    if (draft.dependsOnLabelTypeIds.length > 0) {
      const found = new Set(
        (await findLabelTypes(db, caller.workspaceId, draft.dependsOnLabelTypeIds)).map((lt) => lt.id),
      );
      draft.dependsOnLabelTypeIds.forEach((id, i) => {
        if (!found.has(id)) errors.add(`dependsOnLabelTypeIds.${i}`, 'Label type not found.', 'NOT_FOUND');
      });
    }
    errors.throwIfAny();
    // A date default is stored as a time; keep the parsed one.
    return defaults?.dateValue ? { ...draft, defaultDateValue: new Date(defaults.dateValue) } : draft;
  }

  return {
    /** Creates a schema; its key must be unique in the workspace and never changes. */
    async createThreadFieldSchema(caller: Caller, input: unknown): Promise<ThreadFieldSchemaRecord> {
      const data = parseInput(createInput, input);
      const now = clock();
      const draft: ThreadFieldSchemaRecord = {
        workspaceId: caller.workspaceId,
        id: newId('tfs'),
        key: data.key,
        label: data.label,
        description: data.description,
        type: data.type,
        enumValues: data.enumValues,
        order: data.order,
        isRequired: data.isRequired,
        isClientReadonly: data.isClientReadonly ?? false,
        isAiAutoFillEnabled: data.isAiAutoFillEnabled,
        defaultStringValue: data.defaultStringValue ?? null,
        defaultBooleanValue: data.defaultBooleanValue ?? null,
        defaultNumberValue: data.defaultNumberValue ?? null,
        defaultDateValue: null,
        dependsOnThreadField: data.dependsOnThreadField ?? null,
        dependsOnLabelTypeIds: data.dependsOnLabelTypeIds ?? [],
        ...madeBy(now, caller.actor),
      };
      const schema = await check(
        caller,
        draft,
        defaultsInput(draft, {
          stringValue: data.defaultStringValue,
          booleanValue: data.defaultBooleanValue,
          numberValue: data.defaultNumberValue,
          dateValue: data.defaultDateValue,
        }),
      );
      try {
        await schemas.insertThreadFieldSchema(db, schema);
      } catch (error) {
        if (error instanceof UniqueViolation) {
          throw new DomainError(
            'thread_field_schema_already_exists_with_key',
            'A thread field schema with this key already exists.',
            [{ field: 'key', message: 'Another schema has this key.', type: 'VALIDATION' }],
          );
        }
        throw error;
      }
      return schema;
    },

    /** Changes any field of a schema but its key and type. */
    async updateThreadFieldSchema(caller: Caller, input: unknown): Promise<ThreadFieldSchemaRecord> {
      const data = parseInput(updateInput, input);
      const existing = await schemas.findThreadFieldSchema(db, caller.workspaceId, data.threadFieldSchemaId);
      if (!existing) throw notFoundError('threadFieldSchemaId', 'Thread field schema');
      const pick = <T>(change: { value?: T | null } | null | undefined, current: T | null): T | null =>
        change ? (change.value ?? null) : current;
      const draft: ThreadFieldSchemaRecord = {
        ...existing,
        label: data.label?.value ?? existing.label,
        description: data.description ? data.description.value : existing.description,
        order: data.order ?? existing.order,
        enumValues: data.enumValues ?? existing.enumValues,
        isRequired: data.isRequired ?? existing.isRequired,
        isAiAutoFillEnabled: data.isAiAutoFillEnabled ?? existing.isAiAutoFillEnabled,
        isClientReadonly: data.isClientReadonly ?? existing.isClientReadonly,
        defaultStringValue: pick(data.defaultStringValue, existing.defaultStringValue),
        defaultBooleanValue: pick(data.defaultBooleanValue, existing.defaultBooleanValue),
        defaultNumberValue: pick(data.defaultNumberValue, existing.defaultNumberValue),
        defaultDateValue: data.defaultDateValue ? null : existing.defaultDateValue,
        dependsOnThreadField: pick(data.dependsOnThreadField, existing.dependsOnThreadField),
        dependsOnLabelTypeIds: data.dependsOnLabelTypeIds ?? existing.dependsOnLabelTypeIds,
        updatedAt: clock(),
        updatedBy: caller.actor,
      };
      const schema = await check(
        caller,
        draft,
        defaultsInput(draft, {
          stringValue: draft.defaultStringValue,
          booleanValue: draft.defaultBooleanValue,
          numberValue: draft.defaultNumberValue,
          dateValue: data.defaultDateValue
            ? (data.defaultDateValue.value ?? null)
            : existing.defaultDateValue?.toISOString(),
        }),
      );
      await schemas.updateThreadFieldSchema(db, schema);
      return schema;
    },

    /** Deletes a schema and every thread's value for its key. */
    async deleteThreadFieldSchema(caller: Caller, input: { threadFieldSchemaId: string }): Promise<void> {
      const deleted = await db.transaction((tx) =>
        schemas.deleteThreadFieldSchema(tx, caller.workspaceId, input.threadFieldSchemaId),
      );
      if (!deleted) throw notFoundError('threadFieldSchemaId', 'Thread field schema');
    },

    /** A schema by id, or null. */
    getThreadFieldSchema: (caller: Caller, id: string) =>
      schemas.findThreadFieldSchema(db, caller.workspaceId, id),

    /** One page of schemas, by `order`. */
    async listThreadFieldSchemas(caller: Caller, args: PageArgs): Promise<Page<ThreadFieldSchemaRecord>> {
      const request = toPageRequest(args, ['integer', 'text']);
      const rows = await schemas.listThreadFieldSchemas(db, caller.workspaceId, request);
      return toPage(rows, request, (s) => [s.order, s.id]);
    },
  };
}

/** The thread field schema service's interface. */
export type ThreadFieldSchemaService = ReturnType<typeof createThreadFieldSchemaService>;
