import { z } from 'zod';
import { type Db, UniqueViolation } from '../../storage/db.js';
import type { LabelTypeRecord } from '../../storage/label-type-repository.js';
import * as labelTypes from '../../storage/label-type-repository.js';
import { madeBy } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { DomainError, notFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { optionalString, parseInput, requiredString } from '../validation.js';

const createInput = z.object({
  name: requiredString(500),
  icon: optionalString(500),
  color: optionalString(500),
  description: optionalString(5000),
  externalId: optionalString(500),
  isExcludedFromAi: z.boolean().nullish(),
  parentLabelTypeId: z.string().nullish(),
  type: z.enum(['DEFAULT', 'TEAM']).nullish(),
});

/** Label types: the kinds of label a workspace uses. Created, archived (never deleted), listed. */
export function createLabelTypeService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Creates a label type; its externalId, if any, must be unique in the workspace. */
    async createLabelType(caller: Caller, input: unknown): Promise<LabelTypeRecord> {
      const data = parseInput(createInput, input);
      if (data.parentLabelTypeId) {
        const [parent] = await labelTypes.findLabelTypes(db, caller.workspaceId, [data.parentLabelTypeId]);
        if (!parent) throw notFoundError('parentLabelTypeId', 'Parent label type');
      }
      const now = clock();
      const id = newId('lt');
      const labelType: LabelTypeRecord = {
        workspaceId: caller.workspaceId,
        id,
        name: data.name,
        icon: data.icon ?? null,
        color: data.color ?? null,
        description: data.description ?? null,
        externalId: data.externalId ?? null,
        isExcludedFromAi: data.isExcludedFromAi ?? false,
        parentLabelTypeId: data.parentLabelTypeId ?? null,
        type: data.type ?? 'DEFAULT',
        // Plain's position orders siblings; creation order (the id's time) until reordering exists.
        position: id.slice(3),
        archivedAt: null,
        archivedBy: null,
        ...madeBy(now, caller.actor),
      };
      try {
        await labelTypes.insertLabelType(db, labelType);
      } catch (error) {
        if (error instanceof UniqueViolation) {
          throw new DomainError(
            'label_type_already_exists_with_external_id',
            'A label type with this externalId already exists.',
            [{ field: 'externalId', message: 'Another label type has this externalId.', type: 'VALIDATION' }],
          );
        }
        throw error;
      }
      return labelType;
    },

    /** Archives a label type: it stays on threads that have it, and can no longer be added. */
    async archiveLabelType(caller: Caller, input: { labelTypeId: string }): Promise<LabelTypeRecord> {
      const archived = await labelTypes.archiveLabelType(
        db,
        caller.workspaceId,
        input.labelTypeId,
        clock(),
        caller.actor,
      );
      if (archived) return archived;
      const [existing] = await labelTypes.findLabelTypes(db, caller.workspaceId, [input.labelTypeId]);
      if (!existing) throw notFoundError('labelTypeId', 'Label type');
      throw new DomainError('label_type_already_archived', 'The label type is already archived.', [
        { field: 'labelTypeId', message: 'Already archived.', type: 'VALIDATION' },
      ]);
    },

    /** A label type by id, or null. */
    async getLabelType(caller: Caller, id: string): Promise<LabelTypeRecord | null> {
      const [found] = await labelTypes.findLabelTypes(db, caller.workspaceId, [id]);
      return found ?? null;
    },

    /** Label types by id (for batched loading). */
    getLabelTypes: (caller: Caller, ids: readonly string[]) =>
      labelTypes.findLabelTypes(db, caller.workspaceId, ids),

    /** One page of label types in creation order; archived ones included unless filtered. */
    async listLabelTypes(
      caller: Caller,
      filter: { isArchived?: boolean | null },
      args: PageArgs,
    ): Promise<Page<LabelTypeRecord>> {
      const request = toPageRequest(args, ['text']);
      const rows = await labelTypes.listLabelTypes(db, caller.workspaceId, filter, request);
      return toPage(rows, request, (lt) => [lt.id]);
    },
  };
}

/** The label type service's interface. */
export type LabelTypeService = ReturnType<typeof createLabelTypeService>;
