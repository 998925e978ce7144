import {
  type CustomerKey,
  type CustomerRecord,
  customerKeyCondition,
  toCustomer,
} from './customer-repository.js';
import type { Queryable } from './db.js';
import { type LabelTypeRecord, toLabelType } from './label-type-repository.js';
import { type Row, toJson } from './rows.js';
import { type ThreadFieldSchemaRecord, toThreadFieldSchema } from './thread-field-schema-repository.js';

/** Everything createThread checks its input against, read in one round trip. */
export interface ThreadCreationContext {
  customer: CustomerRecord | null;
  /** The requested label types that exist in the workspace. */
  labelTypes: LabelTypeRecord[];
  /** Every thread field schema of the workspace (for validation and defaults). */
  schemas: ThreadFieldSchemaRecord[];
  /** Whether the requested assignee is a live user or machine user of the workspace. */
  assigneeExists: boolean;
}

/** Reads the customer, label types, field schemas and assignee that a new thread refers to. */
export async function loadThreadCreationContext(
  db: Queryable,
  workspaceId: string,
  customerKey: CustomerKey,
  labelTypeIds: readonly string[],
  assigneeId: string | null,
): Promise<ThreadCreationContext> {
  const { condition, value } = customerKeyCondition(customerKey);
  const rows = await db.query(
    `SELECT
       (SELECT row_to_json(c) FROM customers c WHERE workspace_id = $1 AND ${condition}) AS customer,
       (SELECT coalesce(json_agg(row_to_json(lt)), '[]'::json) FROM label_types lt
        WHERE lt.workspace_id = $1 AND lt.id = ANY($3::text[])) AS label_types,
       (SELECT coalesce(json_agg(row_to_json(s)), '[]'::json) FROM thread_field_schemas s
        WHERE s.workspace_id = $1) AS schemas,
       ($4::text IS NOT NULL AND (
          EXISTS (SELECT 1 FROM users WHERE workspace_id = $1 AND id = $4 AND deleted_at IS NULL) OR
          EXISTS (SELECT 1 FROM machine_users WHERE workspace_id = $1 AND id = $4 AND deleted_at IS NULL)
       )) AS assignee_exists`,
    [workspaceId, value, labelTypeIds, assigneeId],
  );
  const row = rows[0] as Row;
  const customer = toJson<Row | null>(row.customer);
  return {
    customer: customer ? toCustomer(customer) : null,
    labelTypes: toJson<Row[]>(row.label_types).map(toLabelType),
    schemas: toJson<Row[]>(row.schemas).map(toThreadFieldSchema),
    assigneeExists: row.assignee_exists as boolean,
  };
}
