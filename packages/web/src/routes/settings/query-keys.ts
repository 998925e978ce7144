/**
 * The settings pages' own query keys, in one place so a form can refresh the list beside it. Changes
 * to label types and field schemas also refresh ['directory'], which the inbox and thread panel read.
 */
export const SETTINGS_KEYS = {
  labelTypes: ['settings', 'labelTypes'],
  threadFieldSchemas: ['settings', 'threadFieldSchemas'],
  machineUsers: ['settings', 'machineUsers'],
  webhookTargets: ['settings', 'webhookTargets'],
  webhookSigningSecret: ['settings', 'webhookSigningSecret'],
  /** Prefix of every target's delivery log; add the target id and filter for one. */
  webhookDeliveries: ['settings', 'webhookDeliveries'],
} as const;
