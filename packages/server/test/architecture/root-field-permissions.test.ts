/** Every Query and Mutation field is resolved through queryField/mutationField, which check its permissions. */
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isPermission } from '../../src/domain/identity/permissions.js';
import { loadTypeDefs, resolvers } from '../../src/graphql/schema.js';

const schema = buildSchema(loadTypeDefs());

describe.each(['Query', 'Mutation'] as const)('%s fields', (typeName) => {
  const fields = Object.keys((schema.getType(typeName) as GraphQLObjectType).getFields());
  it.each(fields)('%s declares the permissions it requires', (field) => {
    const resolver = resolvers[typeName]?.[field] as { requiredPermissions?: string[] } | undefined;
    expect(resolver?.requiredPermissions, `${typeName}.${field} has no root resolver`).toBeDefined();
    for (const permission of resolver!.requiredPermissions!) expect(isPermission(permission)).toBe(true);
  });

  it('has a resolver for every field and no resolver for a field it lacks', () => {
    expect(Object.keys(resolvers[typeName] ?? {}).sort()).toEqual([...fields].sort());
  });
});

describe('mutations', () => {
  it('require a permission each', () => {
    for (const [field, resolver] of Object.entries(resolvers.Mutation ?? {})) {
      expect(
        (resolver as { requiredPermissions: string[] }).requiredPermissions.length,
        field,
      ).toBeGreaterThan(0);
    }
  });
});
