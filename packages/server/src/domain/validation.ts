import { z } from 'zod';
import { DomainError, type FieldError, type FieldErrorType, validationError } from './errors.js';

// Messages a person reads in MutationError.fields[].message. Set once for the process; only
// Threadline's own schemas use this copy of zod.
z.config({
  customError(issue) {
    const noun = issue.origin === 'array' ? 'item(s)' : 'character(s)';
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'Required' : undefined;
      case 'too_small':
        return issue.origin === 'number'
          ? `Must be at least ${issue.minimum}.`
          : `Must have at least ${issue.minimum} ${noun}.`;
      case 'too_big':
        return issue.origin === 'number'
          ? `Must be at most ${issue.maximum}.`
          : `Must have at most ${issue.maximum} ${noun}.`;
      case 'invalid_format':
        if (issue.format === 'url') return 'Must be a valid http or https URL.';
        if (issue.format === 'email') return 'Must be a valid email address.';
        if (issue.format === 'datetime')
          return 'Must be an ISO 8601 date-time, such as 2024-10-28T18:30:00Z.';
        return undefined;
      default:
        return undefined;
    }
  },
});

/** Marks a custom issue as a missing value (REQUIRED) rather than an invalid one. */
const REQUIRED = { fieldErrorType: 'REQUIRED' } as const;

/** A string with at least one non-blank character and at most `max` characters. */
export function requiredString(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { error: 'Required', params: REQUIRED });
}

/** An optional string (null or absent allowed) of at most `max` characters. */
export function optionalString(max: number) {
  return z.string().max(max).nullish();
}

/** An http(s) URL of at most 2000 characters; other schemes (javascript:, data:) are refused. */
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/**
 * An ISO 8601 date-time with a zone, the only time format Plain's API accepts, in the years 1000 to
 * 9999: PGlite reads years below 100 back as 19xx/20xx, and no support data is older than 1000.
 */
export const isoDateTime = z.iso
  // abort: a value that is no date-time at all gets one error, not a second about its year too.
  .datetime({ offset: true, abort: true })
  .refine((value) => Number(value.slice(0, 4)) >= 1000, {
    error: 'Must be a date-time in the years 1000 to 9999.',
  });

function fieldErrorType(issue: z.core.$ZodIssue): FieldErrorType {
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return 'REQUIRED';
  if (issue.code === 'custom' && issue.params?.fieldErrorType === 'REQUIRED') return 'REQUIRED';
  return 'VALIDATION';
}

/** Turns zod issues into Plain's field errors with dotted paths, prefixed by `pathPrefix` if given. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], pathPrefix = ''): FieldError[] {
  return issues.map((issue) => ({
    field: [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(input)',
    message: issue.message,
    type: fieldErrorType(issue),
  }));
}

/** The dotted paths of every string in `value` that holds a NUL character, which PostgreSQL cannot store. */
function pathsWithNul(value: unknown, path: string, into: string[]): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) into.push(path || '(input)');
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) pathsWithNul(item, path ? `${path}.${i}` : String(i), into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsWithNul(item, path ? `${path}.${key}` : key, into);
  }
  return into;
}

/**
 * Parses `input` with `schema`; on failure throws an input_validation DomainError listing every field.
 * Strings with a NUL character are refused first, by path.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const nul = pathsWithNul(input, '', []);
  if (nul.length > 0) {
    throw validationError(
      nul.map((field) => ({ field, message: 'Must not contain the NUL character.', type: 'VALIDATION' })),
    );
  }
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationError(toFieldErrors(result.error.issues));
  return result.data;
}

/** Collects field errors found by checks that need the database (missing references, conflicts). */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  /** Adds one failed field. */
  add(field: string, message: string, type: FieldErrorType = 'VALIDATION'): void {
    this.errors.push({ field, message, type });
  }

  /** Throws when anything was added: `not_found` if every failure is a missing reference, else `input_validation`. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const error = validationError(this.errors);
    if (this.errors.every((e) => e.type === 'NOT_FOUND')) {
      throw new DomainError('not_found', error.message, this.errors);
    }
    throw error;
  }
}

/**
 * parseInput for a query's arguments. A query's 400 shows only a message, not `fields`, so the
 * message names each failing path (its first problem), not "Input validation failed.".
 */
export function parseQueryInput<T>(schema: z.ZodType<T>, input: unknown): T {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof DomainError) || error.fields.length < 2) throw error;
    throw withFieldsInMessage(error.fields);
  }
}

/** An input_validation error whose message lists every field path once, with its first message. */
export function withFieldsInMessage(fields: readonly FieldError[]): DomainError {
  const first = new Map<string, string>();
  for (const f of fields) if (!first.has(f.field)) first.set(f.field, f.message);
  return validationError(fields, [...first].map(([field, message]) => `${field}: ${message}`).join(' '));
}
