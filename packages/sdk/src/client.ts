/**
 * ThreadlineClient: Plain's SDK surface (`new PlainClient({ apiKey })`, `client.createThread(...)`,
 * `{ data } | { error }`), its methods made from the table in operations/table.ts.
 */
import type {
  CustomerPartsFragment,
  CustomersQueryVariables,
  LabelTypePartsFragment,
  LabelTypesQueryVariables,
  PageInfoPartsFragment,
  ThreadPartsFragment,
  ThreadsQueryVariables,
} from './__generated__/graphql.js';
import type { MethodOf } from './operations/define.js';
import { runOperation } from './operations/run-operation.js';
import { OPERATIONS, type Operations } from './operations/table.js';
import { DEFAULT_ITERATE_PAGE_SIZE, iteratePages } from './pagination.js';
import { type RawRequestArgs, rawRequest } from './raw-request.js';
import type { Result } from './result.js';
import { type ClientOptions, createTransport, type Transport } from './transport/transport.js';

/** Every method of the table, typed from its document. */
export type OperationMethods = { [K in keyof Operations]: MethodOf<Operations[K]> };

/** Options of an iterate helper: the list method's variables without paging, and a page size. */
export type IterateOptions<V> = Omit<V, 'first' | 'after' | 'last' | 'before'> & { pageSize?: number };

/** Holds the transport; the table's methods are put on its prototype below. */
class ClientCore {
  constructor(protected readonly transport: Transport) {}
}
for (const [name, operation] of Object.entries(OPERATIONS)) {
  Object.defineProperty(ClientCore.prototype, name, {
    value(this: ClientCore, argument?: unknown) {
      return runOperation(this.transport, operation, argument);
    },
    writable: true,
    configurable: true,
  });
}
const ClientWithOperations = ClientCore as unknown as new (
  transport: Transport,
) => ClientCore & OperationMethods;

/** A client of a Threadline server. Methods return `{ data }` or `{ error }` and never throw for an answer. */
export class ThreadlineClient extends ClientWithOperations {
  constructor(options: ClientOptions) {
    super(createTransport(options));
  }

  /** Sends any GraphQL document; errors are classified as for the typed methods. */
  rawRequest(args: RawRequestArgs): Promise<Result<unknown>> {
    return rawRequest(this.transport, args);
  }

  /** Threads, page by page: `for await (const thread of client.threads.iterate({ filters }))`. */
  readonly threads = {
    iterate: (options: IterateOptions<ThreadsQueryVariables> = {}): AsyncIterable<ThreadPartsFragment> =>
      iterateList(
        options,
        (variables) => this.getThreads(variables),
        (data) => data.threads,
      ),
  };

  /** Customers, page by page. */
  readonly customers = {
    iterate: (options: IterateOptions<CustomersQueryVariables> = {}): AsyncIterable<CustomerPartsFragment> =>
      iterateList(
        options,
        (variables) => this.getCustomers(variables),
        (data) => data.customers,
      ),
  };

  /** Label types, page by page. */
  readonly labelTypes = {
    iterate: (
      options: IterateOptions<LabelTypesQueryVariables> = {},
    ): AsyncIterable<LabelTypePartsFragment> =>
      iterateList(
        options,
        (variables) => this.getLabelTypes(variables),
        (data) => data.labelTypes,
      ),
  };
}

/** Pages through a list method: its variables plus `first`/`after`, and where its items are. */
function iterateList<V extends object, D extends { pageInfo: PageInfoPartsFragment }, T>(
  options: IterateOptions<V>,
  list: (variables: V & { first: number; after: string | null }) => Promise<Result<D>>,
  itemsOf: (data: D) => T[],
): AsyncIterable<T> {
  const { pageSize = DEFAULT_ITERATE_PAGE_SIZE, ...variables } = options;
  return iteratePages(async (after) => {
    const page = await list({ ...(variables as V), first: pageSize, after: after ?? null });
    return page.error ? page : { data: { items: itemsOf(page.data), pageInfo: page.data.pageInfo } };
  });
}
