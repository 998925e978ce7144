/**
 * The client's methods: one row per operation the server implements, named as in Plain's SDK and
 * returning what it returns. Adding an operation is a `.graphql` document, one row here, and
 * `npm run sdk:generate`.
 */
import * as D from '../__generated__/graphql.js';
import { mutation, mutationReturningNothing, nodesOf, query } from './define.js';

export const OPERATIONS = {
  // Customers
  getCustomers: query(D.CustomersDocument, (d) => ({
    customers: nodesOf(d.customers),
    pageInfo: d.customers.pageInfo,
    totalCount: d.customers.totalCount,
  })),
  getCustomerById: query(D.CustomerByIdDocument, (d) => d.customer),
  getCustomerByEmail: query(D.CustomerByEmailDocument, (d) => d.customerByEmail),
  getCustomerByExternalId: query(D.CustomerByExternalIdDocument, (d) => d.customerByExternalId),
  getCustomerCustomerGroupMemberships: query(D.CustomerCustomerGroupsDocument, (d) => ({
    customerGroupMemberships: d.customer ? nodesOf(d.customer.customerGroupMemberships) : [],
    pageInfo: d.customer ? d.customer.customerGroupMemberships.pageInfo : null,
  })),
  getCustomerTenantMemberships: query(D.CustomerTenantsDocument, (d) => ({
    tenantMemberships: d.customer ? nodesOf(d.customer.tenantMemberships) : [],
    pageInfo: d.customer ? d.customer.tenantMemberships.pageInfo : null,
  })),
  upsertCustomer: mutation(D.UpsertCustomerDocument, 'upsertCustomer', (p) =>
    p.result && p.customer ? { result: p.result, customer: p.customer } : null,
  ),
  deleteCustomer: mutationReturningNothing(D.DeleteCustomerDocument, 'deleteCustomer'),

  // Events and notes
  createCustomerEvent: mutation(D.CreateCustomerEventDocument, 'createCustomerEvent', (p) => p.customerEvent),
  createThreadEvent: mutation(D.CreateThreadEventDocument, 'createThreadEvent', (p) => p.threadEvent),
  createNote: mutation(D.CreateNoteDocument, 'createNote', (p) => p.note),

  // Threads
  getThreads: query(D.ThreadsDocument, (d) => ({
    threads: nodesOf(d.threads),
    pageInfo: d.threads.pageInfo,
  })),
  getThread: query(D.ThreadDocument, (d) => d.thread),
  getThreadByRef: query(D.ThreadByRefDocument, (d) => d.threadByRef),
  getThreadByExternalId: query(D.ThreadByExternalIdDocument, (d) => d.threadByExternalId),
  createThread: mutation(D.CreateThreadDocument, 'createThread', (p) => p.thread),
  assignThread: mutation(D.AssignThreadDocument, 'assignThread', (p) => p.thread),
  unassignThread: mutation(D.UnassignThreadDocument, 'unassignThread', (p) => p.thread),
  changeThreadPriority: mutation(D.ChangeThreadPriorityDocument, 'changeThreadPriority', (p) => p.thread),
  markThreadAsDone: mutation(D.MarkThreadAsDoneDocument, 'markThreadAsDone', (p) => p.thread),
  markThreadAsTodo: mutation(D.MarkThreadAsTodoDocument, 'markThreadAsTodo', (p) => p.thread),
  snoozeThread: mutation(D.SnoozeThreadDocument, 'snoozeThread', (p) => p.thread),
  replyToThread: mutationReturningNothing(D.ReplyToThreadDocument, 'replyToThread'),

  // Labels
  getLabelTypes: query(D.LabelTypesDocument, (d) => ({
    labelTypes: nodesOf(d.labelTypes),
    pageInfo: d.labelTypes.pageInfo,
  })),
  getLabelType: query(D.LabelTypeDocument, (d) => d.labelType),
  createLabelType: mutation(D.CreateLabelTypeDocument, 'createLabelType', (p) => p.labelType),
  archiveLabelType: mutation(D.ArchiveLabelTypeDocument, 'archiveLabelType', (p) => p.labelType),
  addLabels: mutation(D.AddLabelsDocument, 'addLabels', (p) => p.labels),
  removeLabels: mutationReturningNothing(D.RemoveLabelsDocument, 'removeLabels'),

  // Thread fields
  upsertThreadField: mutation(D.UpsertThreadFieldDocument, 'upsertThreadField', (p) => p.threadField),
  deleteThreadField: mutationReturningNothing(D.DeleteThreadFieldDocument, 'deleteThreadField'),

  // Webhook targets
  getWebhookTargets: query(D.WebhookTargetsDocument, (d) => ({
    webhookTargets: nodesOf(d.webhookTargets),
    pageInfo: d.webhookTargets.pageInfo,
  })),
  getWebhookTargetById: query(D.WebhookTargetDocument, (d) => d.webhookTarget),
  createWebhookTarget: mutation(D.CreateWebhookTargetDocument, 'createWebhookTarget', (p) => p.webhookTarget),
  updateWebhookTarget: mutation(D.UpdateWebhookTargetDocument, 'updateWebhookTarget', (p) => p.webhookTarget),
  deleteWebhookTarget: mutationReturningNothing(D.DeleteWebhookTargetDocument, 'deleteWebhookTarget'),

  // Users and workspace
  getUserById: query(D.UserByIdDocument, (d) => d.userById),
  getUserByEmail: query(D.UserByEmailDocument, (d) => d.userByEmail),
  /** @deprecated Use getUserByEmail (as in Plain's SDK). */
  userByEmail: query(D.UserByEmailDocument, (d) => d.userByEmail),
  getMyWorkspace: query(D.MyWorkspaceDocument, (d) => d.myWorkspace),
};

/** The method table's type: what ThreadlineClient's methods are made from. */
export type Operations = typeof OPERATIONS;
