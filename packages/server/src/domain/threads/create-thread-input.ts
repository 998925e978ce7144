import { z } from 'zod';
import { componentsInput } from '../components/component-input.js';
import { customerIdentifierInput } from '../customers/customer-identifier.js';
import { optionalString } from '../validation.js';

/** Limits of threads, in one place. */
export const THREAD_LIMITS = {
  title: 500,
  description: 10_000,
  externalId: 500,
  labelTypeIds: 100,
  threadFields: 100,
} as const;

/** Priority 0 (most urgent) to 3; 2 ("normal") by default. */
export const DEFAULT_PRIORITY = 2;

const threadFieldInput = z.object({
  key: z.string().max(500),
  type: z.enum(['STRING', 'BOOL', 'ENUM', 'NUMBER', 'CURRENCY', 'DATE']),
  stringValue: z.string().nullish(),
  booleanValue: z.boolean().nullish(),
  numberValue: z.number().nullish(),
  dateValue: z.string().nullish(),
});

/** CreateThreadInput as Threadline validates it. */
export const createThreadInput = z
  .object({
    customerIdentifier: customerIdentifierInput,
    // Optional in Plain's schema, required in practice (Thread.title is non-null). Checked below: zod
    // does not run refinements on an absent optional key.
    title: z.string().max(THREAD_LIMITS.title).nullish(),
    description: optionalString(THREAD_LIMITS.description),
    components: componentsInput.nullish(),
    labelTypeIds: z.array(z.string()).max(THREAD_LIMITS.labelTypeIds).nullish(),
    threadFields: z.array(threadFieldInput).max(THREAD_LIMITS.threadFields).nullish(),
    assignedTo: z
      .object({ userId: z.string().nullish(), machineUserId: z.string().nullish() })
      .refine((a) => (a.userId == null) !== (a.machineUserId == null), {
        error: 'Set exactly one of userId and machineUserId.',
      })
      .nullish(),
    externalId: optionalString(THREAD_LIMITS.externalId),
    priority: z.number().int().min(0).max(3).nullish(),
    channel: z.enum(['API', 'CHAT', 'DISCORD', 'EMAIL', 'IMPORT', 'MS_TEAMS', 'SLACK', 'INTERNAL']).nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.title == null || input.title.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: 'Required',
        params: { fieldErrorType: 'REQUIRED' },
      });
    }
  });

/** A parsed CreateThreadInput. */
export type CreateThreadInput = z.infer<typeof createThreadInput>;
