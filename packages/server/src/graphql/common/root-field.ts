import type { GraphQLResolveInfo } from 'graphql';
import { missingPermission } from '../../domain/caller.js';
import { DomainError, forbiddenError } from '../../domain/errors.js';
import type { Permission } from '../../domain/identity/permissions.js';
import { ReferenceGone, UnstorableValue } from '../../storage/db.js';
import type { AuthedContext, GraphQLContext } from '../context.js';
import { ApiError } from './api-error.js';
import { toMutationError } from './mutation-error.js';
import { nestedPermissions } from './nested-permissions.js';

/** A field resolver as graphql-js calls it. */
type ResolverFn = (
  parent: unknown,
  args: Record<string, unknown>,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
) => unknown;

/** A resolver of a Query or Mutation field, marked with the permissions it requires. */
export type RootResolver = ResolverFn & { requiredPermissions: readonly Permission[] };

function mark(resolver: ResolverFn, permissions: readonly Permission[]): RootResolver {
  return Object.assign(resolver, { requiredPermissions: permissions });
}

/** Narrows a context to a known caller; without one (never past the auth hook) the answer is 401. */
export function authed(context: GraphQLContext): AuthedContext {
  if (!context.caller) throw new ApiError('UNAUTHENTICATED', 'Authentication required.', 401);
  return context as AuthedContext;
}

/** Rethrows what a caller got wrong (bad paging arguments, a value the database refuses) as a 400. */
export function rethrowAsQueryError(error: unknown): never {
  if (error instanceof DomainError || error instanceof UnstorableValue) {
    throw new ApiError('BAD_USER_INPUT', error.message, 400);
  }
  throw error;
}

/**
 * A Query field. Without a permission, its own or one the selection below it needs (a thread's
 * customer needs customer:read), it fails with FORBIDDEN (HTTP 403); a domain error (a bad
 * cursor, say) is BAD_USER_INPUT (HTTP 400). Not-found is a null result, as Plain answers it.
 */
export function queryField<Args>(
  permissions: readonly Permission[],
  resolve: (args: Args, context: AuthedContext) => unknown,
): RootResolver {
  return mark(async (_parent, args, anyContext, info) => {
    const context = authed(anyContext);
    const missing =
      missingPermission(context.caller, permissions) ??
      missingPermission(context.caller, nestedPermissions(info, 0));
    if (missing) throw new ApiError('FORBIDDEN', forbiddenError(missing).message, 403);
    try {
      return await resolve(args as Args, context);
    } catch (error) {
      rethrowAsQueryError(error);
    }
  }, permissions);
}

/**
 * A Mutation field taking `input`. Without a permission (its own, or one its selection needs, checked
 * before anything is written), or on a domain error, it answers with
 * `error: MutationError` (and `onError`'s other fields, for outputs with non-null lists).
 */
export function mutationField<Input>(
  permissions: readonly Permission[],
  resolve: (input: Input, context: AuthedContext) => Promise<object>,
  onError: object = {},
): RootResolver {
  return mark(async (_parent, args, anyContext, info) => {
    const context = authed(anyContext);
    try {
      // Checked before anything is written: a mutation the caller could not read back does not run.
      const missing =
        missingPermission(context.caller, permissions) ??
        missingPermission(context.caller, nestedPermissions(info, 1));
      if (missing) throw forbiddenError(missing);
      return { ...(await resolve(args.input as Input, context)), error: null };
    } catch (error) {
      if (error instanceof DomainError) return { ...onError, error: toMutationError(error) };
      if (error instanceof UnstorableValue) {
        return { ...onError, error: toMutationError(new DomainError('input_validation', error.message)) };
      }
      if (error instanceof ReferenceGone) {
        const message = 'Something this change refers to was deleted meanwhile; nothing was changed.';
        return { ...onError, error: toMutationError(new DomainError('not_found', message)) };
      }
      throw error;
    }
  }, permissions);
}
