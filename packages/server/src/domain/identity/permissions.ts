/**
 * Every permission Threadline knows, in Plain's `resource:action` form. An API key holds a subset;
 * the bootstrap key holds all of them, including ones later versions add.
 */
export const ALL_PERMISSIONS = [
  'apiKey:create',
  'apiKey:read',
  'apiKey:edit',
  'apiKey:delete',
  'customer:create',
  'customer:read',
  'customer:edit',
  'customer:delete',
  'customer:impersonate',
  'customerEvent:create',
  'customerEvent:read',
  'label:create',
  'label:read',
  'label:delete',
  'labelType:create',
  'labelType:read',
  'labelType:edit',
  'machineUser:create',
  'machineUser:read',
  'machineUser:edit',
  'machineUser:delete',
  'note:create',
  'note:read',
  'thread:create',
  'thread:read',
  'thread:edit',
  'thread:assign',
  'thread:unassign',
  'thread:reply',
  'threadEvent:create',
  'threadEvent:read',
  'threadField:create',
  'threadField:read',
  'threadField:update',
  'threadField:delete',
  'threadFieldSchema:create',
  'threadFieldSchema:read',
  'threadFieldSchema:edit',
  'threadFieldSchema:delete',
  'timeline:read',
  'user:read',
  'webhookSigningSecret:read',
  'webhookSigningSecret:edit',
  'webhookTarget:create',
  'webhookTarget:read',
  'webhookTarget:edit',
  'webhookTarget:delete',
  'workspace:read',
] as const;

/** One permission string. */
export type Permission = (typeof ALL_PERMISSIONS)[number];

const KNOWN = new Set<string>(ALL_PERMISSIONS);

/** Tells whether a string names a permission Threadline knows. */
export function isPermission(value: string): value is Permission {
  return KNOWN.has(value);
}
