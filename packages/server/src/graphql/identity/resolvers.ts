import type { PageArgs } from '../../domain/pagination.js';
import type { ApiKeyRecord, MachineUserRecord } from '../../storage/identity-repository.js';
import { auditResolvers, connectionOutput, deletionResolvers } from '../common/output.js';
import { mutationField, queryField, rethrowAsQueryError } from '../common/root-field.js';
import type { AuthedContext } from '../context.js';

/** Resolvers of workspaces, users, machine users and API keys. */
export const identityResolvers = {
  Query: {
    myWorkspace: queryField(['workspace:read'], (_args, { caller, services }) =>
      services.identity.getWorkspace(caller),
    ),
    user: queryField(['user:read'], (args: { userId: string }, { caller, services }) =>
      services.users.getUser(caller, args.userId),
    ),
    userByEmail: queryField(['user:read'], (args: { email: string }, { caller, services }) =>
      services.users.getUserByEmail(caller, args.email),
    ),
    users: queryField(
      ['user:read'],
      async (args: PageArgs & { filters?: { isAssignableToThread?: boolean | null } | null }, ctx) =>
        connectionOutput(await ctx.services.users.listUsers(ctx.caller, args)),
    ),
    myUser: queryField(['user:read'], (_args, { caller, services }) => services.users.getMyUser(caller)),
    machineUser: queryField(['machineUser:read'], (args: { machineUserId: string }, { caller, services }) =>
      services.identity.getMachineUser(caller, args.machineUserId),
    ),
    machineUsers: queryField(
      ['machineUser:read'],
      async (args: PageArgs & { filters?: { type?: MachineUserRecord['type'] | null } | null }, ctx) =>
        connectionOutput(await ctx.services.identity.listMachineUsers(ctx.caller, args)),
    ),
    myMachineUser: queryField([], async (_args, { caller, services }) => {
      const [machineUser] = await services.identity.getMachineUsers(caller, [caller.actor]);
      return machineUser ?? null;
    }),
  },
  Mutation: {
    createMachineUser: mutationField(['machineUser:create'], async (input, { caller, services }) => ({
      machineUser: await services.identity.createMachineUser(caller, input),
    })),
    createApiKey: mutationField(['apiKey:create'], async (input, { caller, services }) => {
      const { apiKey, secret } = await services.identity.createApiKey(caller, input);
      return { apiKey, apiKeySecret: secret };
    }),
    updateApiKey: mutationField(['apiKey:edit'], async (input, { caller, services }) => ({
      apiKey: await services.identity.updateApiKey(caller, input),
    })),
    deleteApiKey: mutationField(
      ['apiKey:delete'],
      async (input: { apiKeyId: string }, { caller, services }) => ({
        apiKey: await services.identity.deleteApiKey(caller, input),
      }),
    ),
  },
  Workspace: { ...auditResolvers, isDemoWorkspace: () => false },
  User: { ...auditResolvers, ...deletionResolvers, avatarUrl: () => null, slackIdentities: () => [] },
  MachineUser: {
    ...auditResolvers,
    ...deletionResolvers,
    // apiKey:read is required of the selection by nestedPermissions (ApiKey is a read-guarded type).
    apiKeys: (machineUser: MachineUserRecord, args: PageArgs, { caller, services }: AuthedContext) =>
      services.identity.listApiKeys(caller, machineUser.id, args).then(connectionOutput, rethrowAsQueryError),
  },
  ApiKey: { ...auditResolvers, ...deletionResolvers } satisfies Record<string, (k: ApiKeyRecord) => unknown>,
};
