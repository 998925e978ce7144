/**
 * What the bench sends: the official SDK's own wire documents, with the body and headers its
 * `request()` builds (`{ query, variables: { input } }`, a bearer key, JSON).
 */
import { randomBytes } from 'node:crypto';
import type { LoadSpec } from './load.js';
import { sdkWireQuery } from './sdk-documents.js';

/** The GraphQL endpoint the SDK's apiUrl points at. */
const GRAPHQL_PATH = '/graphql/v1';

/** The entities the writes refer to, made through the API before the load starts. */
export interface WriteFixtures {
  /** The customer every benchmarked thread is created for. */
  threadCustomerId: string;
  labelTypeId: string;
  /**
   * Another customer, with one thread, for the customer events. A customer event gets a timeline
   * entry in every thread of its customer, so sending them to the customer that the createThread
   * run gave thousands of threads would measure that fan-out instead (1 req/s on PostgreSQL).
   */
  eventCustomerId: string;
}

function headersFor(apiKey: string): Record<string, string> {
  return { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
}

/** A mutation's body as the SDK serialises it. */
function wireBody(operation: string, input: unknown): string {
  return JSON.stringify({ query: sdkWireQuery(operation), variables: { input } });
}

/**
 * A mutation answered 200 with `error: null`. A string test rather than JSON.parse, because it runs
 * for every response in the load generator's process; no SDK fragment has another field named error.
 */
function isMutationSuccess(body: string): boolean {
  return body.includes('"error":null') && !body.includes('"errors":[');
}

/** A mutation's output: the entity under its name (customer, thread, ...) and `error`. */
type MutationOutput = Record<string, { id?: string } | null>;

/**
 * Runs one SDK mutation through fetch and returns the id of the output's `entity`, throwing on any
 * kind of failure: a bench on top of a broken fixture would only measure errors.
 */
async function mutate(url: string, apiKey: string, operation: string, input: unknown, entity: string) {
  const res = await fetch(url + GRAPHQL_PATH, {
    method: 'POST',
    headers: headersFor(apiKey),
    body: wireBody(operation, input),
  });
  const text = await res.text();
  const field = operation[0]!.toLowerCase() + operation.slice(1);
  const output = res.ok
    ? (JSON.parse(text) as { data?: Record<string, MutationOutput> }).data?.[field]
    : null;
  const id = output?.error ? undefined : output?.[entity]?.id;
  if (!id) throw new Error(`${operation} failed: HTTP ${res.status} ${text.slice(0, 500)}`);
  return id;
}

async function createCustomer(url: string, apiKey: string, fullName: string): Promise<string> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const input = {
    identifier: { emailAddress: email },
    onCreate: { fullName, email: { email, isVerified: true } },
    onUpdate: {},
  };
  return mutate(url, apiKey, 'UpsertCustomer', input, 'customer');
}

function threadInput(customerId: string, labelTypeId: string) {
  return {
    customerIdentifier: { customerId },
    title: 'The login button does nothing',
    components: [{ componentText: { text: 'I click **Log in** and nothing happens.' } }],
    labelTypeIds: [labelTypeId],
  };
}

/** Creates, through the API, the customers, label type and thread that the write workloads use. */
export async function createWriteFixtures(url: string, apiKey: string): Promise<WriteFixtures> {
  const labelTypeInput = { name: 'Bench label', icon: 'bug' };
  const labelTypeId = await mutate(url, apiKey, 'CreateLabelType', labelTypeInput, 'labelType');
  const eventCustomerId = await createCustomer(url, apiKey, 'Bench Event Customer');
  await mutate(url, apiKey, 'CreateThread', threadInput(eventCustomerId, labelTypeId), 'thread');
  return {
    threadCustomerId: await createCustomer(url, apiKey, 'Bench Customer'),
    labelTypeId,
    eventCustomerId,
  };
}

/**
 * `{ __typename }`: the smallest GraphQL query, through authentication (the key is cached), parsing,
 * validation and execution, with a body about the size of the bare route's.
 */
export function trivialQuery(url: string, apiKey: string): LoadSpec {
  return {
    url,
    method: 'POST',
    path: GRAPHQL_PATH,
    headers: headersFor(apiKey),
    body: JSON.stringify({ query: '{ __typename }', variables: null }),
    isSuccess: (body) => body === '{"data":{"__typename":"Query"}}',
  };
}

/** The SDK's createThread: a customer, a title, one text component, one label type, no priority. */
export function createThreadLoad(url: string, apiKey: string, fixtures: WriteFixtures): LoadSpec {
  return {
    url,
    method: 'POST',
    path: GRAPHQL_PATH,
    headers: headersFor(apiKey),
    body: wireBody('CreateThread', threadInput(fixtures.threadCustomerId, fixtures.labelTypeId)),
    isSuccess: isMutationSuccess,
  };
}

/**
 * The SDK's createCustomerEvent with text, spacer and link-button components, for a customer with one
 * thread (so one timeline entry per event). Every request carries a new externalId (the idempotency key), so no request is a cheap duplicate of an earlier one.
 */
export function createCustomerEventLoad(url: string, apiKey: string, fixtures: WriteFixtures): LoadSpec {
  const marker = 'EXTERNAL_ID_MARKER';
  const [head, tail] = wireBody('CreateCustomerEvent', {
    customerIdentifier: { customerId: fixtures.eventCustomerId },
    title: 'API key generated',
    externalId: marker,
    components: [
      { componentText: { text: 'An API key named **CI** was generated.' } },
      { componentSpacer: { spacerSize: 'M' } },
      { componentLinkButton: { linkButtonUrl: 'https://example.com/keys', linkButtonLabel: 'View keys' } },
    ],
  }).split(marker);
  // Splicing a counter into a prepared string keeps the load generator's per-request work tiny.
  const run = randomBytes(4).toString('hex');
  let sent = 0;
  return {
    url,
    method: 'POST',
    path: GRAPHQL_PATH,
    headers: headersFor(apiKey),
    body: () => `${head}bench-${run}-${sent++}${tail}`,
    isSuccess: isMutationSuccess,
  };
}
