/**
 * The isolation suite's cases (isolation.test.ts): one per root field of the schema, a document and its
 * variables, run once with workspace B's real ids and once with made-up ids of the same form.
 */

/** What a case refers to: B's real ids, or made-up ones of the same form. */
export interface Refs {
  customerId: string;
  customerEmail: string;
  customerExternalId: string;
  threadId: string;
  threadRef: string;
  threadExternalId: string;
  labelTypeId: string;
  labelId: string;
  fieldSchemaId: string;
  fieldKey: string;
  timelineEntryId: string;
  webhookTargetId: string;
  eventId: string;
  machineUserId: string;
  apiKeyId: string;
  userId: string;
  userEmail: string;
}

export interface Case {
  query: string;
  variables(refs: Refs): Record<string, unknown>;
}

const ERR = 'error { type code fields { field type } }';
const THREAD = 'thread { id title }';

/** One case per root field: a document, and its variables from the refs. */
export const CASES: Record<string, Case> = {
  // Queries that name something of B.
  machineUser: {
    query:
      'query ($id: ID!) { machineUser(machineUserId: $id) { id fullName apiKeys { edges { node { id } } } } }',
    variables: (r) => ({ id: r.machineUserId }),
  },
  user: {
    query: 'query ($id: ID!) { user(userId: $id) { id fullName } }',
    variables: (r) => ({ id: r.userId }),
  },
  userByEmail: {
    query: 'query ($e: String!) { userByEmail(email: $e) { id } }',
    variables: (r) => ({ e: r.userEmail }),
  },
  customer: {
    query: 'query ($id: ID!) { customer(customerId: $id) { id fullName } }',
    variables: (r) => ({ id: r.customerId }),
  },
  customerByEmail: {
    query: 'query ($e: String!) { customerByEmail(email: $e) { id } }',
    variables: (r) => ({ e: r.customerEmail }),
  },
  customerByExternalId: {
    query: 'query ($x: ID!) { customerByExternalId(externalId: $x) { id } }',
    variables: (r) => ({ x: r.customerExternalId }),
  },
  labelType: {
    query: 'query ($id: ID!) { labelType(labelTypeId: $id) { id name } }',
    variables: (r) => ({ id: r.labelTypeId }),
  },
  threadFieldSchema: {
    query: 'query ($id: ID!) { threadFieldSchema(threadFieldSchemaId: $id) { id key } }',
    variables: (r) => ({ id: r.fieldSchemaId }),
  },
  thread: {
    query: 'query ($id: ID!) { thread(threadId: $id) { id title } }',
    variables: (r) => ({ id: r.threadId }),
  },
  timelineEntries: {
    query: 'query ($id: ID!) { timelineEntries(customerId: $id) { edges { node { id } } } }',
    variables: (r) => ({ id: r.customerId }),
  },
  timelineEntry: {
    query: 'query ($c: ID!, $id: ID!) { timelineEntry(customerId: $c, timelineEntryId: $id) { id } }',
    variables: (r) => ({ c: r.customerId, id: r.timelineEntryId }),
  },
  threadByRef: {
    query: 'query ($ref: String!) { threadByRef(ref: $ref) { id } }',
    variables: (r) => ({ ref: r.threadRef }),
  },
  threadByExternalId: {
    query: 'query ($c: ID!, $x: ID!) { threadByExternalId(customerId: $c, externalId: $x) { id } }',
    variables: (r) => ({ c: r.customerId, x: r.threadExternalId }),
  },
  webhookTarget: {
    query: 'query ($id: ID!) { webhookTarget(webhookTargetId: $id) { id url } }',
    variables: (r) => ({ id: r.webhookTargetId }),
  },
  webhookDeliveryAttempts: {
    query: 'query ($id: ID!) { webhookDeliveryAttempts(webhookTargetId: $id) { edges { node { id } } } }',
    variables: (r) => ({ id: r.webhookTargetId }),
  },
  threads: {
    query: `query ($c: ID!, $l: ID!) { a: threads(filters: { customerIds: [$c] }) { edges { node { id } } }
      b: threads(filters: { labelTypeIds: [$l] }) { edges { node { id } } } }`,
    variables: (r) => ({ c: r.customerId, l: r.labelTypeId }),
  },
  searchThreads: {
    query:
      'query ($t: String!) { searchThreads(searchQuery: { term: $t }) { edges { node { thread { id } } } } }',
    variables: (r) => ({ t: r.customerEmail }),
  },
  searchCustomers: {
    query: `query ($t: String!) { searchCustomers(searchQuery: { or: [{ email: { caseInsensitiveContains: $t } }] }) {
      edges { node { id } } } }`,
    variables: (r) => ({ t: r.customerEmail }),
  },
  // Queries of the caller's own workspace: they must show nothing of B.
  myPermissions: { query: '{ myPermissions { permissions } }', variables: () => ({}) },
  users: { query: '{ users { edges { node { id email } } } }', variables: () => ({}) },
  myUser: { query: '{ myUser { id } }', variables: () => ({}) },
  myWorkspace: { query: '{ myWorkspace { id name } }', variables: () => ({}) },
  myMachineUser: { query: '{ myMachineUser { id fullName } }', variables: () => ({}) },
  machineUsers: {
    query:
      '{ machineUsers(first: 100) { edges { node { id fullName apiKeys { edges { node { id description } } } } } } }',
    variables: () => ({}),
  },
  customers: {
    query: '{ customers(first: 100) { edges { node { id fullName } } totalCount } }',
    variables: () => ({}),
  },
  labelTypes: { query: '{ labelTypes(first: 100) { edges { node { id name } } } }', variables: () => ({}) },
  threadFieldSchemas: {
    query: '{ threadFieldSchemas(first: 100) { edges { node { id key } } } }',
    variables: () => ({}),
  },
  webhookTargets: { query: '{ webhookTargets { edges { node { id url } } } }', variables: () => ({}) },
  webhookVersions: { query: '{ webhookVersions { edges { node { version } } } }', variables: () => ({}) },
  webhookSigningSecret: { query: '{ webhookSigningSecret { secret } }', variables: () => ({}) },

  // Mutations on something of B.
  createApiKey: {
    query: `mutation ($id: ID!) { createApiKey(input: { machineUserId: $id, permissions: ["thread:read"] }) {
      apiKey { id } apiKeySecret ${ERR} } }`,
    variables: (r) => ({ id: r.machineUserId }),
  },
  updateApiKey: {
    query: `mutation ($id: ID!) { updateApiKey(input: { apiKeyId: $id, permissions: ["thread:read"] }) { apiKey { id } ${ERR} } }`,
    variables: (r) => ({ id: r.apiKeyId }),
  },
  deleteApiKey: {
    query: `mutation ($id: ID!) { deleteApiKey(input: { apiKeyId: $id }) { ${ERR} } }`,
    variables: (r) => ({ id: r.apiKeyId }),
  },
  deleteCustomer: {
    query: `mutation ($id: ID!) { deleteCustomer(input: { customerId: $id }) { ${ERR} } }`,
    variables: (r) => ({ id: r.customerId }),
  },
  upsertCustomer: {
    query: `mutation ($id: ID!) { upsertCustomer(input: { identifier: { customerId: $id },
      onCreate: { fullName: "x", email: { email: "x@example.com", isVerified: false } },
      onUpdate: { fullName: { value: "hijacked" } } }) { result customer { id } ${ERR} } }`,
    variables: (r) => ({ id: r.customerId }),
  },
  archiveLabelType: {
    query: `mutation ($id: ID!) { archiveLabelType(input: { labelTypeId: $id }) { labelType { id } ${ERR} } }`,
    variables: (r) => ({ id: r.labelTypeId }),
  },
  updateThreadFieldSchema: {
    query: `mutation ($id: ID!) { updateThreadFieldSchema(input: { threadFieldSchemaId: $id, label: { value: "hijacked" } }) {
      threadFieldSchema { id } ${ERR} } }`,
    variables: (r) => ({ id: r.fieldSchemaId }),
  },
  deleteThreadFieldSchema: {
    query: `mutation ($id: ID!) { deleteThreadFieldSchema(input: { threadFieldSchemaId: $id }) { ${ERR} } }`,
    variables: (r) => ({ id: r.fieldSchemaId }),
  },
  createThread: {
    query: `mutation ($id: ID!, $l: ID!) { createThread(input: { title: "x", customerIdentifier: { customerId: $id },
      labelTypeIds: [$l] }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.customerId, l: r.labelTypeId }),
  },
  createCustomerEvent: {
    query: `mutation ($e: String!) { createCustomerEvent(input: { title: "x", customerIdentifier: { emailAddress: $e },
      components: [{ componentText: { text: "x" } }] }) { customerEvent { id } ${ERR} } }`,
    variables: (r) => ({ e: r.customerEmail }),
  },
  createThreadEvent: {
    query: `mutation ($id: ID!) { createThreadEvent(input: { title: "x", threadId: $id,
      components: [{ componentText: { text: "x" } }] }) { threadEvent { id } ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  markThreadAsDone: {
    query: `mutation ($id: ID!) { markThreadAsDone(input: { threadId: $id }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  markThreadAsTodo: {
    query: `mutation ($id: ID!) { markThreadAsTodo(input: { threadId: $id }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  snoozeThread: {
    query: `mutation ($id: ID!) { snoozeThread(input: { threadId: $id, durationSeconds: 60 }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  assignThread: {
    query: `mutation ($id: ID!, $u: ID!) { assignThread(input: { threadId: $id, userId: $u }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.threadId, u: r.userId }),
  },
  unassignThread: {
    query: `mutation ($id: ID!) { unassignThread(input: { threadId: $id }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  changeThreadPriority: {
    query: `mutation ($id: ID!) { changeThreadPriority(input: { threadId: $id, priority: 0 }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  updateThreadTitle: {
    query: `mutation ($id: ID!) { updateThreadTitle(input: { threadId: $id, title: "hijacked" }) { ${THREAD} ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  addLabels: {
    query: `mutation ($id: ID!, $l: ID!) { addLabels(input: { threadId: $id, labelTypeIds: [$l] }) { labels { id } ${ERR} } }`,
    variables: (r) => ({ id: r.threadId, l: r.labelTypeId }),
  },
  removeLabels: {
    query: `mutation ($id: ID!) { removeLabels(input: { labelIds: [$id] }) { ${ERR} } }`,
    variables: (r) => ({ id: r.labelId }),
  },
  upsertThreadField: {
    query: `mutation ($id: ID!, $k: String!) { upsertThreadField(input: { identifier: { threadId: $id, key: $k },
      type: STRING, stringValue: "hijacked" }) { threadField { id } ${ERR} } }`,
    variables: (r) => ({ id: r.threadId, k: r.fieldKey }),
  },
  deleteThreadField: {
    query: `mutation ($id: ID!, $k: String!) { deleteThreadField(input: { identifier: { threadId: $id, key: $k } }) { ${ERR} } }`,
    variables: (r) => ({ id: r.threadId, k: r.fieldKey }),
  },
  createNote: {
    query: `mutation ($c: ID!, $t: ID!) { createNote(input: { customerId: $c, threadId: $t, text: "x" }) { note { id } ${ERR} } }`,
    variables: (r) => ({ c: r.customerId, t: r.threadId }),
  },
  replyToThread: {
    query: `mutation ($id: ID!) { replyToThread(input: { threadId: $id, textContent: "x" }) { ${ERR} } }`,
    variables: (r) => ({ id: r.threadId }),
  },
  updateWebhookTarget: {
    query: `mutation ($id: ID!) { updateWebhookTarget(input: { webhookTargetId: $id, url: { value: "https://evil.example.com" } }) {
      webhookTarget { id } ${ERR} } }`,
    variables: (r) => ({ id: r.webhookTargetId }),
  },
  deleteWebhookTarget: {
    query: `mutation ($id: ID!) { deleteWebhookTarget(input: { webhookTargetId: $id }) { ${ERR} } }`,
    variables: (r) => ({ id: r.webhookTargetId }),
  },
  replayWebhookEvents: {
    query: `mutation ($id: ID!, $e: ID!) { replayWebhookEvents(input: { webhookTargetId: $id, publicEventId: $e }) {
      publicEventIds ${ERR} } }`,
    variables: (r) => ({ id: r.webhookTargetId, e: r.eventId }),
  },
  // Mutations that make something in the caller's own workspace: nothing of B shows or changes.
  createMachineUser: {
    query: `mutation { createMachineUser(input: { publicName: "m", fullName: "m" }) { machineUser { fullName } ${ERR} } }`,
    variables: () => ({}),
  },
  createLabelType: {
    query: `mutation { createLabelType(input: { name: "alpha label" }) { labelType { name } ${ERR} } }`,
    variables: () => ({}),
  },
  createThreadFieldSchema: {
    query: `mutation ($k: String!) { createThreadFieldSchema(input: { key: $k, label: "x", description: "", order: 0,
      type: STRING, enumValues: [], isRequired: false, isAiAutoFillEnabled: false }) { threadFieldSchema { key } ${ERR} } }`,
    variables: (r) => ({ k: r.fieldKey }),
  },
  createWebhookTarget: {
    query: `mutation { createWebhookTarget(input: { url: "https://alpha.example.com", description: "", isEnabled: false,
      eventSubscriptions: [] }) { webhookTarget { url } ${ERR} } }`,
    variables: () => ({}),
  },
  rotateWebhookSigningSecret: {
    query: `mutation { rotateWebhookSigningSecret { webhookSigningSecret { secret } ${ERR} } }`,
    variables: () => ({}),
  },
};

/** Fields whose answer in A legitimately differs between two calls (a new secret, a new row). */
export const MAKES_SOMETHING_NEW = new Set(['rotateWebhookSigningSecret', 'createThreadFieldSchema']);
