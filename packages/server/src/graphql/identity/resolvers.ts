import type { PageArgs } from '../../domain/pagination.js';
import type { ApiKeyRecord, MachineUserRecord } from '../../storage/identity-repository.js';
import { auditResolvers, connectionOutput, deletionResolvers } from '../common/output.js';
import { mutationField, queryField } from '../common/root-field.js';

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
  MachineUser: { ...auditResolvers, ...deletionResolvers } satisfies Record<
    string,
    (m: MachineUserRecord) => unknown
  >,
  ApiKey: { ...auditResolvers, ...deletionResolvers } satisfies Record<string, (k: ApiKeyRecord) => unknown>,
};
